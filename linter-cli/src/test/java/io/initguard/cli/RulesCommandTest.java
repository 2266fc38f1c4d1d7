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
        // Every rule has a doc page and every doc page a rule: the pages name the list.
        List<String> pages;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../docs/rules"))) {
            pages = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("IG\\d{3}\\.md"))
                    .map(n -> n.substring(0, 5)).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(pages.containsAll(IntStream.rangeClosed(101, 111).mapToObj(i -> "IG" + i).toList()), pages::toString);
        assertEquals(pages, ids, r::toString);
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
