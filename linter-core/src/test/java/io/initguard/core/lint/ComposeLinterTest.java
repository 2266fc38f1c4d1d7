package io.initguard.core.lint;

import io.initguard.core.model.LintError;
import io.initguard.core.model.Pid1Chain;
import io.initguard.core.model.TargetReport;
import io.initguard.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ComposeLinter} on real compose files, with build contexts in a temporary folder. */
class ComposeLinterTest {
    private final ComposeLinter linter = new ComposeLinter(LintFixture.ENGINE, LintFixture.resolvers());

    @TempDir
    Path dir;

    private Path write(String rel, String text) throws IOException {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private LintOutcome lint(String compose) {
        return linter.lint(List.of("compose.yaml"), List.of(compose), dir, LintFixture.CONFIG);
    }

    private static TargetReport service(LintOutcome o, String name) {
        return o.targets().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name + " in " + o.targets()));
    }

    private static String hops(Pid1Chain chain) {
        return String.join("\n", chain.lines());
    }

    @Test
    void initTrueMakesDockerInitPid1() {
        LintOutcome o = lint("""
                services:
                  with:
                    image: python:3.12
                    init: true
                    command: ["python", "app.py"]
                  without:
                    image: python:3.12
                    command: ["python", "app.py"]
                """);
        assertEquals(List.of(), o.errors());
        assertEquals(Verdict.INIT, service(o, "with").chain().verdict());
        assertEquals("docker-init", service(o, "with").chain().init());
        assertEquals(Verdict.NO_INIT, service(o, "without").chain().verdict());
        assertEquals("compose-service", service(o, "with").kind());
        assertEquals("compose.yaml", service(o, "with").file());
    }

    @Test
    void stringCommandIsSplitWithoutAShell() {
        TargetReport t = service(lint("""
                services:
                  app:
                    image: python:3.12
                    command: python app.py --port 80
                """), "app");
        assertEquals(Verdict.NO_INIT, t.chain().verdict());
        assertEquals("python", t.chain().pid1(), hops(t.chain()));

        TargetReport tini = service(lint("""
                services:
                  app:
                    image: debian:12
                    entrypoint: tini -- python app.py
                """), "app");
        assertEquals(Verdict.INIT, tini.chain().verdict(), () -> hops(tini.chain()));
        assertEquals("tini", tini.chain().init());
    }

    @Test
    void entrypointReplacesTheImageInit() {
        TargetReport replaced = service(lint("""
                services:
                  ci:
                    image: jenkins/jenkins:lts
                    entrypoint: ["/usr/local/bin/jenkins.sh"]
                """), "ci");
        assertFalse(replaced.chain().verdict() == Verdict.INIT, () -> hops(replaced.chain()));
        assertTrue(hops(replaced.chain()).contains("replaces the image ENTRYPOINT"), hops(replaced.chain()));

        TargetReport kept = service(lint("""
                services:
                  ci:
                    image: jenkins/jenkins:lts
                    command: ["--httpPort=8081"]
                """), "ci");
        assertEquals(Verdict.INIT, kept.chain().verdict(), "command replaces only the CMD");
    }

    @Test
    void buildResolvesFromTheDockerfileAndItsTargetStage() throws IOException {
        write("api/docker/Dockerfile.prod", """
                FROM python:3.12 AS base
                CMD ["python", "app.py"]

                FROM base AS release
                ENTRYPOINT ["tini", "--"]
                CMD ["python", "app.py"]

                FROM base AS debug
                CMD ["sh", "-c", "python app.py"]
                """);
        LintOutcome o = lint("""
                services:
                  release:
                    build:
                      context: api
                      dockerfile: docker/Dockerfile.prod
                      target: release
                  debug:
                    build:
                      context: api
                      dockerfile: docker/Dockerfile.prod
                  base:
                    build:
                      context: ./api
                      dockerfile: docker/Dockerfile.prod
                      target: base
                """);
        assertEquals(List.of(), o.errors());
        assertEquals(Verdict.INIT, service(o, "release").chain().verdict(), () -> hops(service(o, "release").chain()));
        assertEquals(Verdict.NO_INIT, service(o, "debug").chain().verdict(), "the last stage by default");
        assertEquals("sh", service(o, "debug").chain().pid1());
        assertEquals(Verdict.NO_INIT, service(o, "base").chain().verdict());
        assertEquals("python", service(o, "base").chain().pid1());
        assertTrue(hops(service(o, "release").chain()).contains("api/docker/Dockerfile.prod"),
                hops(service(o, "release").chain()));
    }

    @Test
    void buildShorthandUsesTheContextsDockerfile() throws IOException {
        write("web/Dockerfile", "FROM debian:12\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"nginx\"]\n");
        LintOutcome o = lint("services:\n  web:\n    build: ./web\n");
        assertEquals(List.of(), o.errors());
        assertEquals(Verdict.INIT, service(o, "web").chain().verdict());
    }

    @Test
    void missingOrBrokenDockerfileIsAnErrorAndOtherServicesAreLinted() throws IOException {
        write("broken/Dockerfile", "FROM debian:12\nCMD [\"a\"\nFROMM x\n");
        write("nostage/Dockerfile", "FROM debian:12 AS one\nCMD [\"a\"]\n");
        LintOutcome o = lint("""
                services:
                  missing:
                    build: ./missing
                  broken:
                    build: ./broken
                  nostage:
                    build:
                      context: nostage
                      target: two
                  fine:
                    image: python:3.12
                    init: true
                """);
        assertEquals(List.of("fine"), o.targets().stream().map(TargetReport::name).toList());
        assertEquals(3, o.errors().size(), o.errors()::toString);
        LintError missing = o.errors().stream().filter(e -> e.message().contains("missing")).findFirst().orElseThrow();
        assertEquals("compose.yaml", missing.file());
        assertEquals(2, missing.line());
        assertTrue(missing.message().contains("missing/Dockerfile") && missing.message().contains("no such file"),
                missing::oneLine);
        LintError broken = o.errors().stream().filter(e -> e.file().contains("broken")).findFirst().orElseThrow();
        assertEquals("broken/Dockerfile", broken.file(), broken::oneLine);
        assertTrue(broken.line() >= 2, broken::oneLine);
        LintError nostage = o.errors().stream().filter(e -> e.message().contains("'two'")).findFirst().orElseThrow();
        assertTrue(nostage.message().contains("nostage/Dockerfile"), nostage::oneLine);
        for (LintError e : o.errors()) assertFalse(e.oneLine().contains("\n"), e::oneLine);
    }

    @Test
    void severalFilesAreMergedInOrder() {
        String base = """
                services:
                  app:
                    image: python:3.12
                    command: ["python", "app.py"]
                  db:
                    image: debian:12
                """;
        String override = """
                services:
                  app:
                    init: true
                  extra:
                    image: alpine:3
                    entrypoint: ["tini", "--", "run"]
                """;
        LintOutcome o = linter.lint(List.of("compose.yaml", "compose.prod.yaml"), List.of(base, override), dir,
                LintFixture.CONFIG);
        assertEquals(List.of(), o.errors());
        assertEquals(3, o.targets().size(), o.targets()::toString);
        assertEquals(Verdict.INIT, service(o, "app").chain().verdict(), "init: true from the second file");
        assertEquals(Verdict.NO_INIT, service(o, "db").chain().verdict());
        assertEquals(Verdict.INIT, service(o, "extra").chain().verdict());
    }

    @Test
    void invalidComposeIsAnErrorWithItsLine() {
        LintOutcome o = linter.lint(List.of("compose.yaml", "b.yaml"),
                List.of("services:\n  app:\n    image: alpine\n", "services:\n  app: [unclosed\n"), dir,
                LintFixture.CONFIG);
        assertEquals(1, o.errors().size());
        assertEquals("b.yaml", o.errors().getFirst().file());
        assertTrue(o.errors().getFirst().line() >= 2, o.errors().getFirst()::oneLine);
    }

    @Test
    void unknownImageIsUnknown() {
        TargetReport t = service(lint("services:\n  app:\n    image: registry.example.com/x:1\n"), "app");
        assertEquals(Verdict.UNKNOWN, t.chain().verdict());
    }
}
