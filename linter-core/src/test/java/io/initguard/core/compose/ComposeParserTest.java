package io.initguard.core.compose;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposeParserTest {

    static ComposeFile parse(String yaml) throws ComposeSyntaxException {
        return ComposeParser.parse("compose.yaml", yaml);
    }

    static ComposeService service(String yaml, String name) throws ComposeSyntaxException {
        return parse(yaml).service(name).orElseThrow();
    }

    static ComposeSyntaxException fail(String yaml) {
        return assertThrows(ComposeSyntaxException.class, () -> parse(yaml));
    }

    static void assertOneLine(ComposeSyntaxException e, int line) {
        assertEquals(line, e.location().line(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("compose.yaml:" + line + ":"), e.getMessage());
    }

    // ---- merge keys and anchors ---------------------------------------------------------------------------------

    @Test
    void mergeKeyListEarlierMappingsWinOwnKeysWinOverAll() throws Exception {
        String yaml = """
                x-a: &a {image: a:1, init: true}
                x-b: &b {image: b:1, init: false, command: [from-b]}
                services:
                  s:
                    <<: [*a, *b]
                  t:
                    <<: [*b, *a]
                    image: own:1
                """;
        ComposeFile f = parse(yaml);
        ComposeService s = f.service("s").orElseThrow();
        assertEquals("a:1", s.image());
        assertEquals(Boolean.TRUE, s.init());
        assertEquals(List.of("from-b"), s.command().orElseThrow().words());
        ComposeService t = f.service("t").orElseThrow();
        assertEquals("own:1", t.image());
        assertEquals(Boolean.FALSE, t.init());
    }

    @Test
    void anchoredCommandIsReusedWithItsOwnLocation() throws Exception {
        String yaml = """
                x-cmd: &cmd ["run", "it"]
                services:
                  a:
                    image: x
                    command: *cmd
                """;
        CommandSpec c = service(yaml, "a").command().orElseThrow();
        assertEquals(List.of("run", "it"), c.words());
        assertEquals(1, c.location().line(), "an alias points at the anchored node");
    }

    @Test
    void mergeOfAScalarIsAnErrorWithItsLine() {
        ComposeSyntaxException e = fail("""
                services:
                  a:
                    <<: notamap
                """);
        assertOneLine(e, 3);
    }

    @Test
    void selfMergeIsRejected() {
        assertOneLine(fail("""
                services:
                  a: &a
                    image: x
                    <<: *a
                """), 2);
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    @Test
    void stringCommandKeepsQuotedWordsTogether() throws Exception {
        CommandSpec c = service("""
                services:
                  a:
                    command: sh -c 'echo hi && exec app'
                """, "a").command().orElseThrow();
        assertEquals(List.of("sh", "-c", "echo hi && exec app"), c.words());
        assertTrue(c.fromString());
    }

    @Test
    void emptyOverridesAreDistinctFromUnset() throws Exception {
        ComposeService a = service("""
                services:
                  a:
                    image: x
                    entrypoint: []
                    command: ""
                  b:
                    image: x
                    command: null
                """, "a");
        assertTrue(a.entrypoint().isPresent());
        assertTrue(a.entrypoint().orElseThrow().isEmpty());
        assertFalse(a.entrypoint().orElseThrow().fromString());
        assertTrue(a.command().isPresent());
        assertTrue(a.command().orElseThrow().isEmpty());
        assertTrue(a.command().orElseThrow().fromString());
        ComposeService b = service("""
                services:
                  b:
                    image: x
                    command:
                """, "b");
        assertTrue(b.command().isEmpty());
        assertTrue(b.entrypoint().isEmpty());
    }

    @Test
    void numbersInACommandListAreTheirText() throws Exception {
        assertEquals(List.of("sleep", "10"), service("""
                services:
                  a:
                    command: [sleep, 10]
                """, "a").command().orElseThrow().words());
    }

    @Test
    void commandOfWrongShapeIsAnError() {
        assertOneLine(fail("""
                services:
                  a:
                    image: x
                    command: {run: it}
                """), 4);
        assertOneLine(fail("""
                services:
                  a:
                    entrypoint:
                      - run
                      - [nested]
                """), 5);
    }

    @Test
    void unbalancedQuoteInAStringCommandIsAnError() {
        ComposeSyntaxException e = fail("""
                services:
                  a:
                    command: echo 'oops
                """);
        assertOneLine(e, 3);
        assertTrue(e.reason().contains("quote"), e.reason());
    }

    // ---- shapes ----------------------------------------------------------------------------------------------------

    @Test
    void xKeysAndVersionAreIgnored() throws Exception {
        ComposeFile f = parse("""
                version: "3.9"
                x-anything: {whatever: [1, 2]}
                services:
                  x-not-a-service:
                    foo: bar
                  a:
                    image: x
                    x-note: {init: true}
                networks: {default: {}}
                """);
        assertEquals(1, f.services().size());
        assertNull(f.service("a").orElseThrow().init());
    }

    @Test
    void buildShortFormAndFullForm() throws Exception {
        ComposeFile f = parse("""
                services:
                  a:
                    build: ./dir
                  b:
                    build:
                      dockerfile: docker/Prod.Dockerfile
                      target: prod
                  c:
                    build:
                      context: .
                      dockerfile_inline: |
                        FROM alpine
                """);
        assertEquals(new Build("./dir", "Dockerfile", null, null), f.service("a").orElseThrow().build());
        assertEquals(new Build(".", "docker/Prod.Dockerfile", "prod", null), f.service("b").orElseThrow().build());
        assertEquals("FROM alpine\n", f.service("c").orElseThrow().build().dockerfileInline());
    }

    @Test
    void initAcceptsBooleansAndRejectsOthers() throws Exception {
        assertEquals(Boolean.FALSE, service("services:\n  a:\n    init: false\n", "a").init());
        assertOneLine(fail("services:\n  a:\n    image: x\n    init: maybe\n"), 4);
    }

    @Test
    void wrongShapesNameTheirLine() {
        assertOneLine(fail("services: [a, b]\n"), 1);
        assertOneLine(fail("services:\n  a: just-a-string\n"), 2);
        assertOneLine(fail("- a\n- b\n"), 1);
        assertOneLine(fail("services:\n  a:\n    image: [x]\n"), 3);
        assertOneLine(fail("services:\n  a:\n    build: [x]\n"), 3);
        assertOneLine(fail("services:\n  a:\n    image: x\n  a:\n    image: y\n"), 4);
        assertOneLine(fail(""), 1);
    }

    @Test
    void fileWithoutServicesHasNone() throws Exception {
        assertTrue(parse("volumes:\n  data: {}\n").services().isEmpty());
    }

    // ---- YAML errors -----------------------------------------------------------------------------------------------

    @Test
    void badYamlIsAOneLineErrorWithItsLine() {
        ComposeSyntaxException e = fail("""
                services:
                  a:
                    image: x
                   command: [broken
                """);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.location().line() >= 3 && e.location().line() <= 5, e.getMessage());
        assertTrue(e.reason().startsWith("invalid YAML"), e.reason());
        assertOneLine(fail("services:\n  a:\n    image: \"unterminated\n"), 4);
        assertOneLine(fail("services:\n  a:\n\timage: x\n"), 3);
    }

    @Test
    void twoDocumentsAreAnError() {
        ComposeSyntaxException e = fail("services: {}\n---\nservices: {}\n");
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aliasBombIsRejected() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("services: {}\n");
        ComposeSyntaxException e = assertThrows(ComposeSyntaxException.class, () -> parse(yaml.toString()));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.reason().contains("aliases"), e.reason());
    }

    @Test
    void deepNestingIsRejected() {
        String yaml = "services: " + "[".repeat(200) + "]".repeat(200) + "\n";
        ComposeSyntaxException e = assertThrows(ComposeSyntaxException.class, () -> parse(yaml));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void customTagsAreNeverConstructed() throws Exception {
        ComposeService a = service("""
                services:
                  a:
                    image: !custom x
                    command: !custom "run it"
                """, "a");
        assertEquals("x", a.image());
        assertEquals(List.of("run", "it"), a.command().orElseThrow().words());
        ComposeSyntaxException e = fail("""
                services:
                  a:
                    image: !!javax.script.ScriptEngineManager x
                """);
        assertOneLine(e, 3);
        assertTrue(e.reason().contains("tag"), e.reason());
    }

    // ---- interpolation ---------------------------------------------------------------------------------------------

    @Test
    void interpolationUsesDefaultsOnlyAndKeepsUnknownVariables() throws Exception {
        ComposeService a = service("""
                services:
                  a:
                    image: ${REGISTRY:-docker.io}/app:${TAG-latest}
                    command: run --price $$5 --home $HOME --user ${USER} ${X:?needed}
                    entrypoint: ["${SHELL_BIN:-/bin/sh}", "-c", "echo $${PATH}"]
                    build:
                      context: ${CTX:-./app}
                      target: ${T:-${FALLBACK:-prod}}
                """, "a");
        assertEquals("docker.io/app:latest", a.image());
        assertEquals(List.of("run", "--price", "$5", "--home", "$HOME", "--user", "${USER}", "${X:?needed}"),
                a.command().orElseThrow().words());
        assertEquals(List.of("/bin/sh", "-c", "echo ${PATH}"), a.entrypoint().orElseThrow().words());
        assertEquals(new Build("./app", "Dockerfile", "prod", null), a.build());
    }

    @Test
    void defaultWithSpacesSplitsInAStringCommand() throws Exception {
        assertEquals(List.of("python", "app.py", "--debug"), service("""
                services:
                  a:
                    command: python ${ARGS:-app.py --debug}
                """, "a").command().orElseThrow().words());
    }

    @Test
    void badInterpolationIsAnError() {
        assertOneLine(fail("services:\n  a:\n    image: ${UNCLOSED\n"), 3);
        assertOneLine(fail("services:\n  a:\n    image: ${}\n"), 3);
    }

    // ---- ignore comments -------------------------------------------------------------------------------------------

    @Test
    void ignoreCommentsOnConsecutiveLinesAboveTheKeyOnly() throws Exception {
        ComposeFile f = parse("""
                services:
                  # initguard ignore=ig301, IG302
                  # some words in between
                  #initguard ignore=IG303
                  a:
                    image: x
                    # initguard ignore=IG999
                  b:
                    image: y
                  # initguard ignore=IG401

                  c:
                    image: z
                """);
        assertEquals(Set.of("IG301", "IG302", "IG303"), f.service("a").orElseThrow().ignoredRules());
        assertEquals(Set.of("IG999"), f.service("b").orElseThrow().ignoredRules(),
                "a comment inside a service belongs to the key below it, not to the service above");
        assertTrue(f.service("c").orElseThrow().ignoredRules().isEmpty(), "a blank line breaks the block");
    }

    @Test
    void ignoreCommentDoesNotCarryToTheNextService() throws Exception {
        ComposeFile f = parse("""
                services:
                  # initguard ignore=IG301
                  a:
                    image: x
                  b:
                    image: y
                """);
        assertEquals(Set.of("IG301"), f.service("a").orElseThrow().ignoredRules());
        assertTrue(f.service("b").orElseThrow().ignoredRules().isEmpty());
    }

    // ---- extends ---------------------------------------------------------------------------------------------------

    @Test
    void extendsInTheSameFileChains() throws Exception {
        ComposeFile f = parse("""
                services:
                  base:
                    image: python:3.12
                    init: true
                    build: {context: ./b, target: base}
                    command: ["python", "base.py"]
                  mid:
                    extends: base
                    entrypoint: ["/tini", "--"]
                    build: {target: mid}
                  top:
                    extends: {service: mid}
                    command: python top.py
                    init: false
                """);
        ComposeService top = f.service("top").orElseThrow();
        assertEquals("python:3.12", top.image());
        assertEquals(Boolean.FALSE, top.init());
        assertEquals(List.of("/tini", "--"), top.entrypoint().orElseThrow().words());
        assertEquals(List.of("python", "top.py"), top.command().orElseThrow().words());
        assertEquals(new Build("./b", "Dockerfile", "mid", null), top.build());
        assertEquals(11, top.location().line());
        ComposeService mid = f.service("mid").orElseThrow();
        assertEquals(List.of("python", "base.py"), mid.command().orElseThrow().words());
        assertEquals(3, f.services().size());
    }

    @Test
    void extendsCycleIsAnErrorNamingTheLine() {
        ComposeSyntaxException e = fail("""
                services:
                  a:
                    extends: b
                  b:
                    extends:
                      service: c
                  c:
                    extends: a
                """);
        assertTrue(e.reason().contains("cycle"), e.reason());
        assertTrue(e.reason().contains("a -> b -> c -> a"), e.reason());
        assertOneLine(e, 8);
    }

    @Test
    void extendsUnknownServiceIsAnError() {
        assertOneLine(fail("services:\n  a:\n    extends: nope\n"), 3);
    }

    @Test
    void extendsFileNeedsAFolder() {
        ComposeSyntaxException e = fail("""
                services:
                  a:
                    extends: {file: other.yaml, service: x}
                """);
        assertOneLine(e, 3);
        assertTrue(e.reason().contains("other.yaml"), e.reason());
    }

    @Test
    void extendsFileIsReadRelativeToTheComposeFile() throws Exception {
        ComposeFile f = ComposeParser.parse(Path.of("src/test/resources/compose/extends/ok.yaml"));
        ComposeService web = f.service("web").orElseThrow();
        assertEquals("node:22-slim", web.image());
        assertEquals(Boolean.TRUE, web.init());
        assertEquals(List.of("/sbin/tini", "--"), web.entrypoint().orElseThrow().words());
        assertEquals(List.of("node", "web.js"), web.command().orElseThrow().words());
        assertEquals(new Build("common/app", "Dockerfile", "prod", null), web.build(),
                "a context from the other file is rebased to this file's folder");
        assertEquals(f.file(), web.location().file());
    }

    @Test
    void extendsMissingServiceInAnotherFileNamesIt() {
        ComposeSyntaxException e = assertThrows(ComposeSyntaxException.class,
                () -> ComposeParser.parse(Path.of("src/test/resources/compose/extends/compose.yaml")));
        assertEquals(8, e.location().line(), e.getMessage());
        assertTrue(e.reason().contains("missing") && e.reason().contains("base.yaml"), e.reason());
    }

    @Test
    void extendsMissingFileIsAnError() {
        ComposeSyntaxException e = assertThrows(ComposeSyntaxException.class, () -> ComposeParser.parse(
                "compose.yaml", "services:\n  a:\n    extends: {file: nope.yaml, service: x}\n", Path.of(".")));
        assertOneLine(e, 3);
    }

    // ---- -f merge --------------------------------------------------------------------------------------------------

    @Test
    void laterFilesOverrideEarlierOnes() throws Exception {
        ComposeFile base = ComposeParser.parse("compose.yaml", """
                services:
                  web:
                    image: app:1
                    init: true
                    command: ["run", "web"]
                    build: {context: ./web, dockerfile: Web.Dockerfile}
                  db:
                    image: postgres:17
                """);
        ComposeFile override = ComposeParser.parse("compose.override.yaml", """
                services:
                  # initguard ignore=IG302
                  web:
                    entrypoint: []
                    build: {target: dev}
                  db:
                    init: false
                    command: postgres -c fsync=off
                  extra:
                    image: busybox
                """);
        ComposeFile merged = ComposeParser.merge(List.of(base, override));
        assertEquals("compose.yaml", merged.file());
        assertEquals(List.of("web", "db", "extra"), merged.services().stream().map(ComposeService::name).toList());
        ComposeService web = merged.service("web").orElseThrow();
        assertEquals("app:1", web.image());
        assertEquals(Boolean.TRUE, web.init());
        assertTrue(web.entrypoint().orElseThrow().isEmpty());
        assertEquals(List.of("run", "web"), web.command().orElseThrow().words());
        assertEquals(new Build("./web", "Web.Dockerfile", "dev", null), web.build());
        assertEquals(Set.of("IG302"), web.ignoredRules());
        assertEquals("compose.yaml", web.location().file());
        ComposeService db = merged.service("db").orElseThrow();
        assertEquals(Boolean.FALSE, db.init());
        assertEquals(List.of("postgres", "-c", "fsync=off"), db.command().orElseThrow().words());
        assertEquals("compose.override.yaml", db.command().orElseThrow().location().file());
        assertEquals("busybox", merged.service("extra").orElseThrow().image());
    }

    @Test
    void mergeOfOneFileIsThatFile() throws Exception {
        ComposeFile only = parse("services:\n  a:\n    image: x\n");
        assertEquals(only, ComposeParser.merge(List.of(only)));
    }
}
