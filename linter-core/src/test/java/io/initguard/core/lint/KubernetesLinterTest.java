package io.initguard.core.lint;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.kubernetes.KubernetesFile;
import io.initguard.core.kubernetes.KubernetesParser;
import io.initguard.core.kubernetes.PodTemplatePath;
import io.initguard.core.kubernetes.Workload;
import io.initguard.core.model.Pid1Chain;
import io.initguard.core.model.TargetReport;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.ContainerResolver;
import io.initguard.core.resolve.Observation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KubernetesLinter} and the {@link ContainerResolver} under it, on real manifests. */
class KubernetesLinterTest {
    private final KubernetesLinter linter = new KubernetesLinter(LintFixture.ENGINE, LintFixture.resolvers());
    private final ContainerResolver containers = new ContainerResolver(LintFixture.INITS,
            io.initguard.core.resolve.ImageResolver.catalog(LintFixture.IMAGES));

    /** A Deployment named {@code d} with one container {@code app} whose lines are {@code containerLines}. */
    private static String deployment(String containerLines) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                """ + containerLines.lines().map(l -> "          " + l + "\n").reduce("", String::concat);
    }

    private TargetReport only(String manifest) {
        LintOutcome o = linter.lint("k.yaml", manifest, LintFixture.CONFIG);
        assertEquals(List.of(), o.errors());
        assertEquals(1, o.targets().size(), o.targets()::toString);
        return o.targets().getFirst();
    }

    /** The target of every container in {@code manifest}, with its observations. */
    private List<ContainerTarget> targets(String manifest) {
        KubernetesFile f = new KubernetesParser(PodTemplatePath.builtin()).parse("k.yaml", manifest);
        return f.workloads().stream().flatMap(w -> w.containers().stream()
                .map(c -> KubernetesLinter.target("k.yaml", w, c, containers))).toList();
    }

    private static String hops(Pid1Chain chain) {
        return String.join("\n", chain.lines());
    }

    @Test
    void targetsAreNamedKindNameContainer() {
        LintOutcome o = linter.lint("k.yaml", """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - {name: a, image: alpine}
                            - {name: b, image: alpine}
                """, LintFixture.CONFIG);
        assertEquals(List.of("CronJob/nightly/a", "CronJob/nightly/b"),
                o.targets().stream().map(TargetReport::name).toList());
        assertTrue(o.targets().stream().allMatch(t -> t.kind().equals(ContainerTarget.K8S_CONTAINER)));
        assertTrue(o.targets().stream().allMatch(t -> t.file().equals("k.yaml")));
    }

    @Test
    void commandReplacesTheEntrypointAndDropsTheCmd() {
        TargetReport t = only(deployment("image: python:3.12\ncommand: [\"/usr/bin/tini\", \"--\", \"python\"]"));
        assertEquals(Verdict.INIT, t.chain().verdict());
        assertEquals("tini", t.chain().init());
        assertTrue(hops(t.chain()).contains("replaces the image ENTRYPOINT and drops its CMD"), hops(t.chain()));
        assertFalse(hops(t.chain()).contains("python3"), "the image CMD is dropped: " + hops(t.chain()));

        TargetReport app = only(deployment("image: python:3.12\ncommand: [\"python\", \"app.py\"]"));
        assertEquals(Verdict.NO_INIT, app.chain().verdict());
    }

    @Test
    void argsReplaceOnlyTheCmdSoTheJenkinsImageKeepsTini() {
        TargetReport t = only(deployment("image: jenkins/jenkins:lts\nargs: [\"--httpPort=8081\"]"));
        assertEquals(Verdict.INIT, t.chain().verdict(), () -> hops(t.chain()));
        assertEquals("tini", t.chain().init());
        assertTrue(hops(t.chain()).contains("replaces the image CMD"), hops(t.chain()));

        TargetReport plain = only(deployment("image: jenkins/jenkins:lts"));
        assertEquals(Verdict.INIT, plain.chain().verdict());
    }

    @Test
    void commandOnTheJenkinsImageDropsItsTini() {
        List<ContainerTarget> ts = targets(deployment(
                "image: jenkins/jenkins:lts\ncommand: [\"/usr/local/bin/jenkins.sh\"]"));
        ContainerTarget t = ts.getFirst();
        assertNotEquals(Verdict.INIT, t.resolution().chain().verdict());
        List<Observation.InitReplaced> replaced = t.resolution().all(Observation.InitReplaced.class);
        assertEquals(1, replaced.size(), t.resolution().observations()::toString);
        assertEquals("tini", replaced.getFirst().init());
        assertEquals(11, replaced.getFirst().location().line(), "the command: line");
        assertEquals(11, t.pid1Location().line());
    }

    @Test
    void unknownImageWithoutCommandIsUnknown() {
        ContainerTarget t = targets(deployment("image: registry.example.com/team/app:1")).getFirst();
        assertEquals(Verdict.UNKNOWN, t.resolution().chain().verdict());
        List<Observation.UnknownBaseImage> unknown = t.resolution().all(Observation.UnknownBaseImage.class);
        assertEquals(1, unknown.size());
        assertEquals("registry.example.com/team/app:1", unknown.getFirst().image());
        assertEquals(10, unknown.getFirst().location().line(), "the image: line");
        assertEquals(9, t.pid1Location().line(), "no command: findings about PID 1 go to the name: line");
    }

    @Test
    void commandGivenWithUnknownImageStillResolves() {
        ContainerTarget tini = targets(deployment(
                "image: registry.example.com/team/app:1\ncommand: [\"tini\", \"--\", \"/app\"]")).getFirst();
        assertEquals(Verdict.INIT, tini.resolution().chain().verdict());
        assertEquals("tini", tini.resolution().chain().init());

        ContainerTarget app = targets(deployment(
                "image: registry.example.com/team/app:1\ncommand: [\"/app\", \"serve\"]")).getFirst();
        assertEquals(Verdict.NO_INIT, app.resolution().chain().verdict(), () -> hops(app.resolution().chain()));
        assertTrue(app.resolution().all(Observation.UnknownBaseImage.class).isEmpty(),
                "the image does not matter once the command is known");
        assertEquals(11, app.pid1Location().line(), "the command: line");
    }

    @Test
    void missingImageIsUnknown() {
        ContainerTarget t = targets(deployment("args: [x]")).getFirst();
        assertEquals(Verdict.UNKNOWN, t.resolution().chain().verdict());
    }

    @Test
    void sharedProcessNamespaceMakesEveryContainerInit() {
        List<ContainerTarget> ts = targets("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  shareProcessNamespace: true
                  containers:
                    - name: app
                      image: python:3.12
                      command: ["sh", "-c", "python app.py"]
                    - name: unknown
                      image: registry.example.com/x:1
                """);
        assertEquals(2, ts.size());
        for (ContainerTarget t : ts) {
            assertEquals(Verdict.INIT, t.resolution().chain().verdict(), t.name());
            assertEquals("pause", t.resolution().chain().pid1());
            assertEquals(1, t.resolution().all(Observation.SharedProcessNamespace.class).size());
            assertTrue(t.resolution().all(Observation.ShellStaysPid1.class).isEmpty(), t.name());
            assertTrue(t.resolution().all(Observation.UnknownBaseImage.class).isEmpty(), t.name());
        }
        assertEquals(List.of("Pod/p/app", "Pod/p/unknown"), ts.stream().map(ContainerTarget::name).toList());
    }

    @Test
    void shellCommandStaysPid1() {
        ContainerTarget t = targets(deployment(
                "image: python:3.12\ncommand: [\"sh\", \"-c\", \"python app.py; echo done\"]")).getFirst();
        assertEquals(Verdict.NO_INIT, t.resolution().chain().verdict());
        assertEquals(1, t.resolution().all(Observation.ShellStaysPid1.class).size());
    }

    @Test
    void ignoreAnnotationsSuppressForEveryContainerOrOne() {
        List<ContainerTarget> ts = targets("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                  annotations:
                    initguard.io/ignore: "ig203, IG204"
                spec:
                  template:
                    metadata:
                      annotations:
                        initguard.io/ignore.web: IG201
                    spec:
                      containers:
                        - {name: web, image: alpine}
                        - {name: worker, image: alpine}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: other}
                spec:
                  containers: [{name: web, image: alpine}]
                """);
        assertEquals(Set.of("IG201", "IG203", "IG204"), ts.get(0).ignored());
        assertEquals(Set.of("IG203", "IG204"), ts.get(1).ignored(), "initguard.io/ignore.web is for web only");
        assertEquals(Set.of(), ts.get(2).ignored(), "annotations do not leak into the next document");
        assertTrue(ts.get(0).suppressed("ig201", 1));
        assertFalse(ts.get(1).suppressed("IG201", 1));
        assertFalse(ts.get(0).suppressed("IG205", 1));
    }

    @Test
    void brokenDocumentIsAnErrorAndTheOthersAreLinted() {
        LintOutcome o = linter.lint("k.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: a}
                spec: {containers: [{name: c, image: alpine}]}
                ---
                apiVersion: v1
                kind: Pod
                  metadata: broken
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: b}
                spec: {containers: [{name: c, image: alpine}]}
                """, LintFixture.CONFIG);
        assertEquals(List.of("Pod/a/c", "Pod/b/c"), o.targets().stream().map(TargetReport::name).toList());
        assertEquals(1, o.errors().size());
        assertEquals(8, o.errors().getFirst().line(), o.errors().getFirst()::oneLine);
    }

    @Test
    void workloadAnnotationsReachTheLinterThroughTheParser() {
        Workload w = new KubernetesParser(PodTemplatePath.builtin()).parse("k.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations: {initguard.io/ignore.c: IG205}
                spec: {containers: [{name: c, image: registry.example.com/x:1}]}
                """).workloads().getFirst();
        ContainerTarget t = KubernetesLinter.target("k.yaml", w, w.containers().getFirst(), containers);
        assertEquals(Set.of("IG205"), t.ignored());
    }
}
