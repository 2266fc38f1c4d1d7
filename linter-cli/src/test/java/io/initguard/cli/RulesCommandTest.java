package io.initguard.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.initguard.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code initguard rules}, {@code --version} and {@code --help}. */
class RulesCommandTest {
    @Test
    void rulesListsEveryRule() {
        Cli.Result r = run("rules");
        assertEquals(0, r.code(), r::toString);
        List<String> ids = r.out().lines().map(l -> l.split("\\s+")[0]).toList();
        List<String> expected = java.util.stream.Stream.of(IntStream.rangeClosed(101, 111),
                IntStream.rangeClosed(201, 206), IntStream.rangeClosed(301, 305))
                .flatMap(IntStream::boxed).map(i -> "IG" + i).toList();
        // Every rule of Dockerfiles, Kubernetes and compose, once each, in ID order (more families may follow).
        assertTrue(ids.containsAll(expected), r::toString);
        assertEquals(ids.stream().distinct().sorted().toList(), ids, r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("IG101") && l.contains("error")
                && l.contains("No init is PID 1")), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("IG106") && l.contains("info")), r::toString);
    }

    @Test
    void rulesIdPrintsTheDocPage() {
        for (int i = 101; i <= 111; i++) {
            Cli.Result r = run("rules", "IG" + i);
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().startsWith("# IG" + i + ":"), r::toString);
            assertTrue(r.out().lines().count() > 3, r::toString);
        }
    }

    @Test
    void ruleIdIgnoresCase() {
        assertTrue(run("rules", "ig101").out().startsWith("# IG101:"));
    }

    @Test
    void unknownRuleExits2() {
        Cli.Result r = run("rules", "IG999");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("IG999"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void version() {
        Cli.Result r = run("--version");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("initguard "), r::toString);
        assertFalse(r.out().contains("${"), "version placeholder not filled in: " + r.out());
        assertTrue(r.out().strip().matches("initguard \\d+\\.\\d+\\.\\d+.*"), r::toString);
    }

    @Test
    void help() {
        Cli.Result r = run("--help");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("lint") && r.out().contains("rules"), r::toString);
        Cli.Result lint = run("lint", "--help");
        assertEquals(0, lint.code(), lint::toString);
        for (String option : List.of("--format", "--explain", "--target", "--failure-threshold", "--no-fail",
                "--config")) {
            assertTrue(lint.out().contains(option), () -> option + " missing\n" + lint);
        }
        assertEquals(0, run("help", "lint").code());
        assertEquals(0, run("rules", "--help").code());
    }
}
