package io.initguard.rules;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule over its fixtures in src/test/resources/fixtures/ID/: {@code bad-*} fixtures carry
 * {@code # expect: ID} lines and must report exactly there; {@code good-*} fixtures must not report the rule at all.
 * A fixture is a {@code *.Dockerfile}, or a folder with a Dockerfile and the build context it copies from.
 */
class RuleFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/fixtures");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : Fixtures.ruleIds()) {
            Path dir = ROOT.resolve(id);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(id + "/" + f.getFileName(), () -> check(id, f)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(String id, Path fixture) throws IOException {
        Path file = Files.isDirectory(fixture) ? fixture.resolve("Dockerfile") : fixture;
        String content = Files.readString(file);
        String name = fixture.getFileName().toString();
        Set<Fixtures.At> expected = Fixtures.expected(content, id);
        if (name.startsWith("bad-")) assertFalse(expected.isEmpty(), name + " is bad-* but expects nothing");
        if (name.startsWith("good-")) assertTrue(expected.isEmpty(), name + " is good-* but expects findings");
        Set<Fixtures.At> actual = Fixtures.actual(Fixtures.lint(file.toString(), content, file.getParent()), id);
        assertEquals(expected, actual, fixture + ": expected (rule@line) vs reported");
    }

    @Test
    void everyRuleHasABadAndAGoodFixture() throws IOException {
        for (String id : Fixtures.ruleIds()) {
            Path dir = ROOT.resolve(id);
            assertTrue(Files.isDirectory(dir), "no fixtures for " + id);
            try (Stream<Path> s = Files.list(dir)) {
                List<String> names = s.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().anyMatch(n -> n.startsWith("bad-")), id + " has no bad-* fixture");
                assertTrue(names.stream().anyMatch(n -> n.startsWith("good-")), id + " has no good-* fixture");
            }
        }
    }

    @Test
    void expectationsAreReadFromComments() {
        String df = "FROM a\n# expect: IG101, IG102\n# other comment\n\nCMD x\n# expect: IG103\nRUN y\n";
        assertEquals(Set.of(new Fixtures.At("IG101", 5), new Fixtures.At("IG102", 5), new Fixtures.At("IG103", 7)),
                Fixtures.expected(df, null));
    }
}
