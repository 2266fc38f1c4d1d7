package io.initguard.core.kubernetes;

import io.initguard.core.model.LintError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KubernetesParser} on real manifests: kinds, lists, skipped documents, errors and locations. */
class KubernetesParserTest {
    private static final KubernetesParser PARSER = new KubernetesParser(PodTemplatePath.builtin());

    private static final String POD_SPEC = """
            containers:
              - name: app
                image: python:3.12
                command: ["python", "app.py"]
            """;

    private static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return text.lines().map(l -> pad + l).reduce("", (a, b) -> a + b + "\n");
    }

    /** A manifest of {@code kind} whose pod spec sits under {@code specPath} (with a pod template at each step). */
    static Stream<Arguments> kinds() {
        String template = "  template:\n    metadata:\n      labels: {app: x}\n    spec:\n" + indent(POD_SPEC, 6);
        return Stream.of(
                Arguments.of("v1", "Pod", "spec:\n" + indent(POD_SPEC, 2)),
                Arguments.of("apps/v1", "Deployment", "spec:\n  replicas: 2\n" + template),
                Arguments.of("apps/v1", "ReplicaSet", "spec:\n" + template),
                Arguments.of("apps/v1", "StatefulSet", "spec:\n  serviceName: x\n" + template),
                Arguments.of("apps/v1", "DaemonSet", "spec:\n" + template),
                Arguments.of("batch/v1", "Job", "spec:\n  backoffLimit: 1\n" + template),
                Arguments.of("batch/v1", "CronJob", "spec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n"
                        + indent(template, 4)),
                Arguments.of("v1", "ReplicationController", "spec:\n" + template),
                Arguments.of("argoproj.io/v1alpha1", "Rollout", "spec:\n  strategy: {canary: {}}\n" + template),
                Arguments.of("extensions/v1beta1", "Deployment", "spec:\n" + template));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void everyPodBearingKindGivesItsContainers(String apiVersion, String kind, String spec) {
        String text = "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: demo\n" + spec;
        KubernetesFile f = PARSER.parse("m.yaml", text);
        assertEquals(List.of(), f.errors(), text);
        assertEquals(1, f.workloads().size(), text);
        Workload w = f.workloads().getFirst();
        assertEquals(kind, w.kind());
        assertEquals("demo", w.name());
        assertEquals(2, w.location().line(), "the kind: line");
        PodContainer c = w.containers().getFirst();
        assertEquals("app", c.name());
        assertEquals("python:3.12", c.image());
        assertEquals(List.of("python", "app.py"), c.command());
        assertEquals(List.of(), c.args());
        int commandLine = text.lines().toList().indexOf(text.lines()
                .filter(l -> l.contains("command:")).findFirst().orElseThrow()) + 1;
        assertEquals(commandLine, c.commandAt().line());
        assertEquals(commandLine - 2, c.nameAt().line());
    }

    @Test
    void podWithoutAName() {
        KubernetesFile f = PARSER.parse("m.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  generateName: worker-
                spec:
                  containers:
                    - image: alpine
                """);
        assertEquals("worker-", f.workloads().getFirst().name());
        assertEquals("container-0", f.workloads().getFirst().containers().getFirst().name());
        KubernetesFile g = PARSER.parse("m.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a}]\n");
        assertEquals("(unnamed)", g.workloads().getFirst().name());
        assertNull(g.workloads().getFirst().containers().getFirst().image());
    }

    @Test
    void listsAreReadAlsoWhenNested() {
        String text = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Pod
                    metadata: {name: one}
                    spec:
                      containers: [{name: a, image: alpine}]
                  - apiVersion: v1
                    kind: Service
                    metadata: {name: svc}
                    spec: {ports: [{port: 80}]}
                  - apiVersion: v1
                    kind: List
                    items:
                      - apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: two}
                        spec:
                          template:
                            spec:
                              containers: [{name: b, image: alpine}]
                ---
                apiVersion: apps/v1
                kind: DeploymentList
                items:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: three}
                    spec: {template: {spec: {containers: [{name: c, image: alpine}]}}}
                """;
        KubernetesFile f = PARSER.parse("m.yaml", text);
        assertEquals(List.of(), f.errors());
        assertEquals(List.of("Pod/one", "Deployment/two", "Deployment/three"),
                f.workloads().stream().map(w -> w.kind() + "/" + w.name()).toList());
        assertEquals(5, f.workloads().get(0).location().line());
        assertEquals(17, f.workloads().get(1).location().line());
        assertEquals(28, f.workloads().get(2).location().line());
    }

    @Test
    void otherKindsAndNonKubernetesYamlAreSkippedSilently() {
        String text = """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  ports: [{port: 80}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data:
                  containers: "not a pod"
                ---
                services:
                  web:
                    image: nginx
                ---
                - just
                - a list
                ---
                plain scalar
                ---
                kind: Pod
                spec: {containers: [{name: no-api-version}]}
                ---
                apiVersion: example.com/v1
                kind: Widget
                spec:
                  template:
                    spec: {containers: [{name: x, image: alpine}]}
                """;
        KubernetesFile f = PARSER.parse("m.yaml", text);
        assertEquals(List.of(), f.workloads());
        assertEquals(List.of(), f.errors());
    }

    @Test
    void initContainersAreIgnored() {
        KubernetesFile f = PARSER.parse("m.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  initContainers:
                    - name: setup
                      image: busybox
                      command: ["sh", "-c", "sleep 1"]
                  containers:
                    - name: main
                      image: alpine
                    - name: sidecar
                      image: busybox
                """);
        assertEquals(List.of("main", "sidecar"),
                f.workloads().getFirst().containers().stream().map(PodContainer::name).toList());
    }

    @Test
    void brokenDocumentIsAnErrorWithItsLineAndTheOthersAreRead() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata: {name: first}
                spec: {containers: [{name: a, image: alpine}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: broken
                spec: {containers: [{name: b, image: alpine}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: last}
                spec: {containers: [{name: c, image: alpine}]}
                """;
        KubernetesFile f = PARSER.parse("m.yaml", text);
        assertEquals(List.of("first", "last"), f.workloads().stream().map(Workload::name).toList());
        assertEquals(1, f.errors().size(), f.errors()::toString);
        LintError e = f.errors().getFirst();
        assertEquals("m.yaml", e.file());
        assertTrue(e.line() >= 8 && e.line() <= 10, e::oneLine);
        assertTrue(e.message().startsWith("not valid YAML"), e::oneLine);
        assertEquals(12, f.workloads().get(1).location().line());
    }

    @Test
    void containerOfTheWrongShapeIsAnErrorNamingTheLine() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata: {name: ok}
                spec: {containers: [{name: a, image: alpine}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: bad-command}
                spec:
                  containers:
                    - name: a
                      image: alpine
                      command: 5
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: bad-containers}
                spec:
                  template:
                    spec:
                      containers: x
                """;
        KubernetesFile f = PARSER.parse("m.yaml", text);
        assertEquals(List.of("ok"), f.workloads().stream().map(Workload::name).toList());
        assertEquals(2, f.errors().size(), f.errors()::toString);
        LintError command = f.errors().get(0);
        LintError containers = f.errors().get(1);
        // Within the broken object (lines 6-13 and 15-21), one line each, naming what is wrong.
        assertTrue(command.line() >= 9 && command.line() <= 13, command::oneLine);
        assertTrue(command.message().contains("command"), command::oneLine);
        assertTrue(containers.line() >= 19 && containers.line() <= 21, containers::oneLine);
        assertTrue(containers.message().contains("containers"), containers::oneLine);
        for (LintError e : f.errors()) assertFalse(e.oneLine().contains("\n"), e::oneLine);
    }

    @Test
    void extraPodTemplatesFromConfigAreRead() {
        String text = """
                apiVersion: workers.example.com/v2
                kind: Worker
                metadata: {name: w}
                spec:
                  podTemplate:
                    spec:
                      containers: [{name: job, image: alpine}]
                """;
        assertEquals(List.of(), PARSER.parse("m.yaml", text).workloads(), "an unknown CRD is skipped");
        List<PodTemplatePath> kinds = new ArrayList<>(PodTemplatePath.parse(
                "- {apiVersion: \"workers.example.com/*\", kind: Worker, path: spec.podTemplate}\n", ".initguard.yaml"));
        kinds.addAll(PodTemplatePath.builtin());
        KubernetesFile f = new KubernetesParser(kinds).parse("m.yaml", text);
        assertEquals(1, f.workloads().size());
        assertEquals("Worker", f.workloads().getFirst().kind());
        assertEquals("job", f.workloads().getFirst().containers().getFirst().name());
        assertEquals(List.of(), new KubernetesParser(kinds).parse("m.yaml",
                text.replace("workers.example.com/v2", "other.example.com/v2")).workloads(), "apiVersion glob");
    }

    @Test
    void badPodTemplateConfigNamesTheLine() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PodTemplatePath.parse("- {apiVersion: v1, kind: A}\n- {path: spec}\n", ".initguard.yaml"));
        assertTrue(e.getMessage().startsWith("2:"), e.getMessage());
    }

    @Test
    void locationsOfNameImageCommandAndArgsKeys() {
        String text = """
                # leading comment
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  containers:
                    - image: busybox
                      name: first
                      args:
                        - --verbose
                      command:
                        - sh
                    - name: second
                      image: alpine
                """;
        Workload w = PARSER.parse("m.yaml", text).workloads().getFirst();
        PodContainer first = w.containers().get(0);
        assertEquals(9, first.nameAt().line());
        assertEquals(8, first.imageAt().line());
        assertEquals(10, first.argsAt().line());
        assertEquals(12, first.commandAt().line());
        assertEquals(7, first.nameAt().column(), "column of the name: key");
        assertEquals("m.yaml", first.nameAt().file());
        assertEquals(List.of("sh"), first.command());
        assertEquals(List.of("--verbose"), first.args());
        PodContainer second = w.containers().get(1);
        assertEquals(14, second.nameAt().line());
        assertNull(second.commandAt());
        assertNull(second.argsAt());
        assertEquals(3, w.location().line());
    }

    @Test
    void annotationsOfObjectAndTemplateAreMergedTemplateOnTop() {
        String text = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                  annotations:
                    initguard.io/ignore: IG201
                    team: a
                spec:
                  template:
                    metadata:
                      annotations:
                        team: b
                        initguard.io/ignore.web: IG203
                    spec:
                      shareProcessNamespace: true
                      containers: [{name: web, image: alpine}]
                """;
        Workload w = PARSER.parse("m.yaml", text).workloads().getFirst();
        assertEquals(Map.of("initguard.io/ignore", "IG201", "team", "b", "initguard.io/ignore.web", "IG203"),
                w.annotations());
        assertTrue(w.shareProcessNamespace());
        assertEquals(15, w.shareAt().line());
    }

    @Test
    void anchorsAndMergeKeysInManifests() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                x-base: &base
                  image: alpine
                  command: [tini, --]
                spec:
                  containers:
                    - <<: *base
                      name: a
                      args: [app]
                """;
        PodContainer c = PARSER.parse("m.yaml", text).workloads().getFirst().containers().getFirst();
        assertEquals("alpine", c.image());
        assertEquals(List.of("tini", "--"), c.command());
        assertEquals(List.of("app"), c.args());
    }
}
