package io.initguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.initguard.cli.Cli.run;
import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --target}, {@code --explain}, and plain text without a terminal. */
class LintOptionsTest {
    @TempDir
    Path dir;

    private static final String TWO_STAGES = """
            FROM python:3.12 AS build
            ENTRYPOINT ["tini", "--"]
            CMD ["python", "build.py"]

            FROM python:3.12 AS run
            CMD ["python", "app.py"]
            """;

    @Test
    void theLastStageIsTheDefaultTarget() {
        String f = write(dir, "Dockerfile", TWO_STAGES).toString();
        Cli.Result r = run("lint", "--format", "json", f);
        assertEquals(1, r.code(), r::toString);
        assertEquals("run", r.json().at("/targets/0/name").asText());
        assertEquals("no-init", r.json().at("/targets/0/verdict").asText());
        assertEquals(6, r.json().at("/targets/0/findings/0/line").asInt());
    }

    @Test
    void targetByName() {
        String f = write(dir, "Dockerfile", TWO_STAGES).toString();
        Cli.Result r = run("lint", "--format", "json", "--target", "build", f);
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, r.json().get("targets").size());
        assertEquals("build", r.json().at("/targets/0/name").asText());
        assertEquals("init", r.json().at("/targets/0/verdict").asText());
        assertEquals("tini", r.json().at("/targets/0/init").asText());
    }

    @Test
    void targetByIndex() {
        String f = write(dir, "Dockerfile", TWO_STAGES).toString();
        Cli.Result first = run("lint", "--format", "json", "--target", "0", f);
        assertEquals(0, first.code(), first::toString);
        assertEquals("build", first.json().at("/targets/0/name").asText());
        Cli.Result second = run("lint", "--format", "json", "--target", "1", f);
        assertEquals(1, second.code(), second::toString);
        assertEquals("run", second.json().at("/targets/0/name").asText());
    }

    @Test
    void unnamedStagesAreNamedByIndex() {
        String f = write(dir, "Dockerfile", "FROM python:3.12\nRUN true\nFROM python:3.12\nCMD [\"python\"]\n")
                .toString();
        assertEquals("1", run("lint", "--format", "json", f).json().at("/targets/0/name").asText());
        assertEquals("0", run("lint", "--format", "json", "--target", "0", f).json().at("/targets/0/name").asText());
    }

    @Test
    void explainPrintsTheChain() {
        String f = write(dir, "Dockerfile", Cli.NO_INIT).toString();
        Cli.Result plain = run("lint", f);
        Cli.Result explained = run("lint", "--explain", f);
        assertEquals(1, explained.code(), explained::toString);
        List<String> hops = new ArrayList<>();
        run("lint", "--format", "json", f).json().at("/targets/0/chain").forEach(n -> hops.add(n.asText()));
        assertFalse(hops.isEmpty());
        for (String hop : hops) {
            assertTrue(explained.out().contains(hop), () -> "--explain lacks hop '" + hop + "'\n" + explained);
            assertFalse(plain.out().contains(hop), () -> "without --explain, hop '" + hop + "' printed\n" + plain);
        }
        assertTrue(explained.out().contains("FROM python:3.12"), explained::toString);
        assertTrue(explained.out().contains("PID 1: python"), explained::toString);
    }

    @Test
    void textHasNoAnsiEscapesWithoutATerminal() {
        // Tests run with no console, so the text report must be plain (as it must be when NO_COLOR is set;
        // CliProcessIT checks that case in a child process with a terminal-less stdout).
        String f = write(dir, "Dockerfile", "FROM python:3.12\nCMD python app.py\n").toString();
        Cli.Result r = run("lint", "--explain", f);
        assertEquals(1, r.code(), r::toString);
        assertFalse(r.out().contains("\u001b"), r::toString);
        assertFalse(r.err().contains("\u001b"), r::toString);
    }
}
