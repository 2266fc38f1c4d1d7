package io.initguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.initguard.cli.Cli.run;
import static io.initguard.cli.Cli.ruleIds;
import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code initguard lint} on Kubernetes manifests and compose files, in process: folders mixing inputs, broken
 * documents among good ones, {@code -f} merges, override files, and the IG2xx/IG3xx rules through the real catalogue.
 */
class KubernetesComposeLintTest {
    @TempDir
    Path dir;

    private static void assertExit(int expected, Cli.Result r) {
        assertEquals(expected, r.code(), r::toString);
    }

    private static JsonNode target(JsonNode report, String name) {
        for (JsonNode t : report.get("targets")) if (t.get("name").asText().equals(name)) return t;
        throw new AssertionError("no target " + name + " in " + report.get("targets"));
    }

    private static List<String> names(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : report.get("targets")) out.add(t.get("name").asText());
        return out;
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: python:3.12
                      command: ["python", "app.py"]
            """;

    @Test
    void folderMixingDockerfileComposeAndManifests() {
        write(dir, "Dockerfile", Cli.NO_INIT);
        write(dir, "compose.yaml", "services:\n  web:\n    image: python:3.12\n    command: [\"python\", \"web.py\"]\n");
        write(dir, "compose.override.yaml", "services:\n  web:\n    init: true\n");
        write(dir, "deploy/api.yaml", DEPLOYMENT);
        write(dir, "deploy/service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {}\n");
        Cli.Result r = run("lint", "--format", "json", dir.toString());
        assertExit(1, r);
        JsonNode report = r.json();
        Set<String> kinds = new TreeSet<>();
        for (JsonNode t : report.get("targets")) kinds.add(t.get("kind").asText());
        assertEquals(Set.of("compose-service", "dockerfile", "k8s-container"), kinds);
        assertEquals(3, report.get("targets").size(), report::toPrettyString);
        JsonNode web = target(report, "web");
        assertEquals("init", web.get("verdict").asText(), "the .override file sets init: true");
        assertEquals(dir.resolve("compose.yaml").toString(), web.get("file").asText());
        JsonNode api = target(report, "Deployment/api/app");
        assertEquals("no-init", api.get("verdict").asText());
        assertEquals(List.of("IG201"), ruleIds(api));
        assertEquals(dir.resolve("deploy/api.yaml").toString(), api.at("/findings/0/file").asText());
        assertEquals(11, api.at("/findings/0/line").asInt(), "IG201 points at the command: line");
        assertEquals(0, report.get("errors").size());
    }

    @Test
    void brokenDocumentGivesTheGoodTargetsAndExit2() {
        Path f = write(dir, "all.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: good}
                spec:
                  containers: [{name: c, image: python:3.12, command: [tini, --, python]}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: broken
                spec: {}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: also-good}
                spec:
                  containers: [{name: c, image: python:3.12, command: [python]}]
                """);
        Cli.Result r = run("lint", "--format", "json", f.toString());
        assertExit(2, r);
        JsonNode report = r.json();
        assertEquals(List.of("Pod/good/c", "Pod/also-good/c"), names(report));
        assertEquals(1, report.get("errors").size());
        JsonNode e = report.at("/errors/0");
        assertEquals(f.toString(), e.get("file").asText());
        assertTrue(e.get("line").asInt() >= 9 && e.get("line").asInt() <= 10, e::toString);
        assertTrue(r.err().contains(f + ":" + e.get("line").asInt()), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void wrongShapeIsAnErrorNamingFileAndLine() {
        Path f = write(dir, "pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      image: alpine
                      command: 5
                """);
        Cli.Result r = run("lint", f.toString());
        assertExit(2, r);
        assertTrue(r.err().startsWith(f + ":"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void composeFilesGivenWithDashFAreMergedInOrder() {
        Path a = write(dir, "a.yaml", "services:\n  app:\n    image: python:3.12\n    command: [\"python\", \"a.py\"]\n");
        Path b = write(dir, "b.yaml", "services:\n  app:\n    init: true\n  db:\n    image: python:3.12\n"
                + "    command: python db.py\n");
        Cli.Result only = run("lint", "--format", "json", "-f", a.toString());
        assertExit(1, only);
        assertEquals("no-init", target(only.json(), "app").get("verdict").asText());
        assertEquals(List.of("IG301"), ruleIds(target(only.json(), "app")));

        Cli.Result both = run("lint", "--format", "json", "-f", a.toString(), "-f", b.toString());
        JsonNode report = both.json();
        assertEquals(List.of("app", "db"), names(report));
        assertEquals("init", target(report, "app").get("verdict").asText());
        assertEquals("no-init", target(report, "db").get("verdict").asText());
        assertEquals("python", target(report, "db").get("pid1").asText(), "a string command runs without a shell");
        assertExit(1, both);

        Cli.Result missing = run("lint", "-f", a.toString(), "-f", dir.resolve("nope.yaml").toString());
        assertExit(2, missing);
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing::toString);
    }

    @Test
    void overrideFileIsMergedAndNeverLintedAlone() {
        write(dir, "docker-compose.yml", "services:\n  app:\n    image: python:3.12\n    command: [python]\n");
        write(dir, "docker-compose.override.yml", "services:\n  app:\n    entrypoint: [\"tini\", \"--\"]\n");
        Cli.Result r = run("lint", "--format", "json", dir.toString());
        assertExit(0, r);
        assertEquals(List.of("app"), names(r.json()));
        assertEquals("tini", target(r.json(), "app").get("init").asText());
    }

    @Test
    void anOverrideFileGivenByNameIsLintedWithItsBaseOnce() {
        write(dir, "docker-compose.yml", "services:\n  app:\n    image: python:3.12\n    command: [python]\n");
        write(dir, "docker-compose.override.yml", "services:\n  app:\n    entrypoint: [\"tini\", \"--\"]\n");
        // As pre-commit passes changed files: the override alone, or both.
        for (List<String> files : List.of(List.of("docker-compose.override.yml"),
                List.of("docker-compose.yml", "docker-compose.override.yml"))) {
            List<String> args = new java.util.ArrayList<>(List.of("lint", "--format", "json"));
            files.forEach(f -> args.add(dir.resolve(f).toString()));
            Cli.Result r = run(args.toArray(String[]::new));
            assertExit(0, r);
            assertEquals(List.of("app"), names(r.json()), r::toString);
            assertEquals("tini", target(r.json(), "app").get("init").asText());
        }
    }

    @Test
    void unknownImageIsIG205NotIG201() {
        Path f = write(dir, "pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      image: registry.example.com/team/app:1
                """);
        Cli.Result r = run("lint", "--format", "json", f.toString());
        assertExit(0, r);
        JsonNode t = target(r.json(), "Pod/p/c");
        assertEquals("unknown", t.get("verdict").asText());
        assertEquals(List.of("IG205"), ruleIds(t));
        assertEquals(7, t.at("/findings/0/line").asInt(), "the image: line");

        Cli.Result compose = run("lint", "--format", "json", write(dir, "compose.yaml",
                "services:\n  x:\n    image: registry.example.com/team/app:1\n").toString());
        assertEquals(List.of("IG305"), ruleIds(target(compose.json(), "x")));
    }

    @Test
    void argsKeepTheJenkinsTiniAndCommandReplacesIt() {
        Path f = write(dir, "ci.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: ci}
                spec:
                  containers:
                    - name: args
                      image: jenkins/jenkins:lts
                      args: ["--httpPort=8081"]
                    - name: command
                      image: jenkins/jenkins:lts
                      command: ["/usr/local/bin/jenkins.sh"]
                """);
        JsonNode report = run("lint", "--format", "json", f.toString()).json();
        assertEquals("init", target(report, "Pod/ci/args").get("verdict").asText());
        assertEquals(List.of(), ruleIds(target(report, "Pod/ci/args")));
        assertTrue(ruleIds(target(report, "Pod/ci/command")).contains("IG202"), report::toPrettyString);

        Path c = write(dir, "compose.yaml", """
                services:
                  ci:
                    image: jenkins/jenkins:lts
                    entrypoint: ["/usr/local/bin/jenkins.sh"]
                """);
        JsonNode compose = run("lint", "--format", "json", c.toString()).json();
        assertTrue(ruleIds(target(compose, "ci")).contains("IG302"), compose::toPrettyString);
    }

    @Test
    void sharedProcessNamespaceIsIG206ForEveryContainer() {
        Path f = write(dir, "pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  shareProcessNamespace: true
                  containers:
                    - {name: a, image: python:3.12, command: [python, a.py]}
                    - {name: b, image: python:3.12, command: [sh, -c, "python b.py"]}
                """);
        Cli.Result r = run("lint", "--format", "json", f.toString());
        assertExit(0, r);
        for (String name : List.of("Pod/p/a", "Pod/p/b")) {
            JsonNode t = target(r.json(), name);
            assertEquals("init", t.get("verdict").asText(), name);
            assertEquals(List.of("IG206"), ruleIds(t), name);
        }
    }

    @Test
    void ignoreAnnotationsSuppressOnlyForTheirContainer() {
        Path f = write(dir, "d.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                spec:
                  template:
                    metadata:
                      annotations:
                        initguard.io/ignore.a: IG201
                    spec:
                      containers:
                        - {name: a, image: python:3.12, command: [python, a.py]}
                        - {name: b, image: python:3.12, command: [python, b.py]}
                """);
        Cli.Result r = run("lint", "--format", "json", f.toString());
        assertExit(1, r);
        JsonNode a = target(r.json(), "Deployment/d/a");
        JsonNode b = target(r.json(), "Deployment/d/b");
        assertEquals(List.of("IG201"), ruleIds(a));
        assertTrue(a.at("/findings/0/suppressed").asBoolean());
        assertEquals(List.of("IG201"), ruleIds(b));
        assertFalse(b.at("/findings/0/suppressed").asBoolean());

        Path g = write(dir, "d.yaml", readString(f).replace("initguard.io/ignore.a: IG201", "initguard.io/ignore: IG201"));
        Cli.Result all = run("lint", "--format", "json", g.toString());
        assertExit(0, all);
        assertTrue(all.json().at("/targets/1/findings/0/suppressed").asBoolean(), all::toString);
    }

    private static String readString(Path f) {
        try {
            return java.nio.file.Files.readString(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void customPodTemplateFromConfig() {
        write(dir, ".initguard.yaml", """
                pod-templates:
                  - {apiVersion: "workers.example.com/*", kind: Worker, path: spec.podTemplate}
                """);
        Path f = write(dir, "worker.yaml", """
                apiVersion: workers.example.com/v1
                kind: Worker
                metadata: {name: w}
                spec:
                  podTemplate:
                    spec:
                      containers: [{name: job, image: python:3.12, command: [python, job.py]}]
                """);
        Cli.Result r = run("lint", "--format", "json", f.toString());
        assertExit(1, r);
        assertEquals(List.of("Worker/w/job"), names(r.json()));
    }

    @Test
    void folderWithOnlyNonWorkloadYamlHasNothingToLint() {
        write(dir, "cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {}\n");
        Cli.Result r = run("lint", dir.toString());
        assertExit(2, r);
        assertTrue(r.err().contains("nothing to lint"), r::toString);
    }
}
