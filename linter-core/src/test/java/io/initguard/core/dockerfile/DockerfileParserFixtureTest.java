package io.initguard.core.dockerfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Whole-file fixtures, and robustness: any input gives a parse or a DockerfileSyntaxException. */
class DockerfileParserFixtureTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = DockerfileParserFixtureTest.class.getResourceAsStream("/dockerfile/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void multistageFixture() throws Exception {
        Dockerfile df = DockerfileParser.parse("multistage.Dockerfile", fixture("multistage.Dockerfile"));
        assertEquals(2, df.directives().size());
        assertEquals(List.of(new Comment(4, "initguard ignore=IG101"), new Comment(10, "download first, for caching")),
                df.comments());
        assertEquals(1, df.globalArgs().size());
        List<Stage> stages = df.stages();
        assertEquals(List.of("build", "runtime"), stages.stream().map(Stage::name).toList());
        assertEquals("$BUILDPLATFORM", stages.get(0).platform());

        Instruction mount = stages.get(0).body().get(1);
        assertEquals(8, mount.line());
        assertEquals(11, mount.endLine());
        assertEquals(2, mount.flags().size());
        assertEquals(9, mount.flags().get(1).location().line());
        assertEquals("go mod download", mount.text());

        Instruction copy = stages.get(0).body().get(2);
        assertEquals("1.0.0\n", copy.heredocs().get(0).content());
        assertEquals(14, copy.endLine());
        Instruction script = stages.get(0).body().get(3);
        assertEquals("set -eu\ngo build -o /out/app ./cmd/app\n", script.heredocs().get(0).content());
        assertEquals(18, script.endLine());

        Instruction entrypoint = stages.get(1).body().get(stages.get(1).body().size() - 2);
        assertEquals(List.of("/sbin/tini", "--"), entrypoint.execArgs());
        Instruction onbuild = stages.get(1).body().stream().filter(i -> i.is("ONBUILD")).findFirst().orElseThrow();
        assertEquals("COPY", onbuild.trigger().keyword());
        assertEquals(". /app", onbuild.trigger().text());
    }

    @Test
    void windowsFixtureWithBacktickEscapeAndCrlf() throws Exception {
        Dockerfile df = DockerfileParser.parse("windows.Dockerfile", fixture("windows.Dockerfile"));
        assertEquals('`', df.escape());
        Instruction shell = df.instructions().get(1);
        assertEquals(List.of("powershell", "-Command", "$ErrorActionPreference = 'Stop';"), shell.execArgs());
        Instruction run = df.instructions().get(2);
        assertEquals("Invoke-WebRequest     -Uri https://example.com/app.zip     -OutFile C:\\app.zip", run.text());
        assertEquals(4, run.line());
        assertEquals(6, run.endLine());
        assertEquals("C:\\app", df.instructions().get(3).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"multistage.Dockerfile", "windows.Dockerfile"})
    void everyPrefixParsesOrFailsCleanly(String name) throws Exception {
        String content = fixture(name);
        for (int n = 0; n <= content.length(); n++) {
            assertCleanOutcome(content.substring(0, n));
        }
    }

    @Test
    void mutatedFixturesParseOrFailCleanly() throws Exception {
        String base = fixture("multistage.Dockerfile");
        String alphabet = "\\`[]{}\"'<>-=#$ \t\r\n\uFEFF\u00A0\u2028aZ0<<-EOF\n";
        Random random = new Random(42);
        int parsed = 0;
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder(base);
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < sb.length()) sb.deleteCharAt(at);
                    }
                    default -> sb.insert(at, "\n" + List.of("RUN <<A", "ONBUILD ONBUILD", "SHELL x", "FROM", "CMD [1]",
                            "# escape=`", "\\", "ONBUILD RUN <<-'B' x", "COPY --", "HEALTHCHECK").get(random.nextInt(10)));
                }
            }
            if (assertCleanOutcome(sb.toString())) parsed++;
        }
        // the mutations must exercise both outcomes
        assertTrue(parsed > 100 && parsed < 1900, "parsed " + parsed + " of 2000");
    }

    @Test
    void randomBytesParseOrFailCleanly() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (round % 2 == 0) {
                // bias towards the characters the parser cares about
                byte[] interesting = "\n\r\t #\\`[]\"'<-=FROMRUN".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < bytes.length; i++) {
                    if (random.nextBoolean()) bytes[i] = interesting[random.nextInt(interesting.length)];
                }
            }
            String content = (round % 3 == 0 ? "FROM a\n" : "") + new String(bytes, StandardCharsets.UTF_8);
            assertCleanOutcome(content);
        }
    }

    @Test
    void pathologicalInputsParseOrFailCleanly() {
        assertCleanOutcome("FROM a\nCMD " + "[".repeat(100_000));
        assertCleanOutcome("FROM a\nRUN " + "<<".repeat(50_000));
        assertCleanOutcome("# escape=" + " ".repeat(100_000) + "x\nFROM a\n");
        assertCleanOutcome("FROM a\nRUN " + "\\\n".repeat(50_000));
        assertCleanOutcome("FROM a\nRUN --" + "\"".repeat(10_001));
        assertCleanOutcome("\\\n".repeat(1000));
    }

    /** Returns true when the content parsed, false when it was rejected with a DockerfileSyntaxException. */
    private static boolean assertCleanOutcome(String content) {
        try {
            Dockerfile df = DockerfileParser.parse("fuzz", content);
            assertTrue(!df.instructions().isEmpty());
            for (Instruction i : df.instructions()) {
                assertTrue(i.line() >= 1 && i.endLine() >= i.line(), "lines of " + i);
                assertTrue(i.location().column() >= 1, "column of " + i);
            }
            df.stages();
            return true;
        } catch (DockerfileSyntaxException e) {
            assertTrue(e.location().line() >= 1, "line of " + e.getMessage());
            assertTrue(e.location().column() >= 1, "column of " + e.getMessage());
            assertTrue(!e.reason().isBlank());
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            return fail("unexpected " + e + " for input " + truncate(content), e);
        }
    }

    private static String truncate(String s) {
        String q = s.replace("\n", "\\n");
        return q.length() > 200 ? q.substring(0, 200) + "..." : q;
    }
}
