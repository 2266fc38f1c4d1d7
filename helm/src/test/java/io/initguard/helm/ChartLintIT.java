package io.initguard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: {@code java -jar linter-cli/target/initguard.jar lint --format json} on the test charts, with the
 * packaged initguard-helm.jar: findings point at the chart's templates, and {@code --values}, {@code --set} and
 * {@code --namespace} change what is rendered and so the verdict.
 */
class ChartLintIT {
    private static final Path HELM_JAR = Path.of(System.getProperty("initguard.helm.jar"));
    private static final Path CLI_JAR = Path.of(System.getProperty("initguard.jar"));
    private static final Path CHART = Path.of(System.getProperty("initguard.chart"));
    private static final Path TINI_VALUES = CHART.resolveSibling("tini-values.yaml");
    private static final Path NAMESPACED = CHART.resolveSibling("namespaced");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        JsonNode target(String nameStart) throws IOException {
            for (JsonNode t : json().get("targets")) if (t.get("name").asText().startsWith(nameStart)) return t;
            throw new AssertionError("no target " + nameStart + "* in\n" + this);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run lint(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", CLI_JAR.toString(), "lint", "--format", "json"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("INITGUARD_HELM_JAR", HELM_JAR.toString());
        int code = pb.start().waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> ruleIds(JsonNode target) {
        List<String> ids = new ArrayList<>();
        for (JsonNode f : target.get("findings")) ids.add(f.get("ruleId").asText());
        return ids;
    }

    @Test
    void chartFindingsPointAtItsTemplates() throws Exception {
        Run r = lint(CHART.toString());
        assertEquals(1, r.code(), r::toString);
        JsonNode web = r.target("Deployment/");
        assertTrue(web.get("name").asText().endsWith("/web"), web::toString);
        assertEquals("no-init", web.get("verdict").asText());
        assertEquals(List.of("IG201"), ruleIds(web));
        String deployment = CHART.resolve("templates/deployment.yaml").toString();
        assertEquals(deployment, web.get("file").asText());
        assertEquals(deployment, web.at("/findings/0/file").asText());
        assertTrue(web.at("/findings/0/line").asInt() > 0, web::toString);
        JsonNode job = r.target("CronJob/");
        assertEquals(CHART.resolve("templates/cronjob.yaml").toString(), job.get("file").asText());
        assertEquals(2, r.json().get("targets").size(), "NOTES.txt and _helpers.tpl give no target");
        assertEquals(0, r.json().get("errors").size());
    }

    @Test
    void valuesAndSetChangeTheVerdict() throws Exception {
        Run withValues = lint(CHART.toString(), "--values", TINI_VALUES.toString());
        JsonNode web = withValues.target("Deployment/");
        assertEquals("init", web.get("verdict").asText(), withValues::toString);
        assertEquals("tini", web.get("init").asText());
        assertEquals(List.of(), ruleIds(web));

        Run withSet = lint(CHART.toString(), "--set", "useTini=true");
        assertEquals("init", withSet.target("Deployment/").get("verdict").asText(), withSet::toString);

        Run setWins = lint(CHART.toString(), "--values", TINI_VALUES.toString(), "--set", "useTini=false");
        assertEquals("no-init", setWins.target("Deployment/").get("verdict").asText(), setWins::toString);
        assertEquals(1, setWins.code());

    }

    @Test
    void namespaceIsTheReleaseNamespace() throws Exception {
        Run byDefault = lint(NAMESPACED.toString());
        assertEquals("no-init", byDefault.target("Pod/worker/app").get("verdict").asText(), byDefault::toString);
        assertEquals(1, byDefault.code());

        Run prod = lint(NAMESPACED.toString(), "--namespace", "prod");
        assertEquals("init", prod.target("Pod/worker/app").get("verdict").asText(), prod::toString);
        assertEquals(0, prod.code(), prod::toString);
        assertEquals(NAMESPACED.resolve("templates/pod.yaml").toString(), prod.target("Pod/").get("file").asText());
    }

    @Test
    void folderMixingDockerfileComposeManifestAndChart() throws Exception {
        copy(CHART, dir.resolve("charts/webapp"));
        Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.12\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"app\"]\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: python:3.12\n    init: true\n");
        Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(dir.resolve("k8s/pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: c, image: python:3.12, command: [python, app.py]}]
                """);
        Run r = lint(dir.toString(), "--set", "useTini=true");
        Set<String> kinds = new TreeSet<>();
        List<String> files = new ArrayList<>();
        for (JsonNode t : r.json().get("targets")) {
            kinds.add(t.get("kind").asText());
            files.add(dir.relativize(Path.of(t.get("file").asText())).toString());
        }
        assertEquals(Set.of("compose-service", "dockerfile", "k8s-container"), kinds, r::toString);
        assertTrue(files.containsAll(List.of("Dockerfile", "compose.yaml", "k8s/pod.yaml",
                "charts/webapp/templates/deployment.yaml", "charts/webapp/templates/cronjob.yaml")), files::toString);
        assertFalse(files.stream().anyMatch(f -> f.endsWith("values.yaml") || f.endsWith("Chart.yaml")),
                "a chart's own YAML files are not linted as manifests: " + files);
        assertEquals("init", r.target("Deployment/").get("verdict").asText(), "--set applies to the chart");
        assertEquals(1, r.code(), r::toString);
    }

    @Test
    void brokenValuesFileIsAOneLineError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad-values.yaml"), "useTini: [unclosed\n");
        Run r = lint(CHART.toString(), "--values", bad.toString());
        assertEquals(2, r.code(), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }
}
