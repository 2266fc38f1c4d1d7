package io.initguard.rules;

import io.initguard.core.model.Finding;
import io.initguard.core.model.TargetReport;
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
 * {@code # expect: ID} lines and must report exactly there; {@code good-*} fixtures must not report the rule
 * unsuppressed. Suppressed findings must be declared too ({@code # expect suppressed: ID}), in any fixture, so that a
 * {@code good-suppressed-*} fixture is good because the rule fired and was suppressed, not because it never fired.
 * By the rule's series ({@link Fixtures.Input}), a fixture is: a {@code *.Dockerfile}, or a folder with a Dockerfile
 * and the build context it copies from (IG1xx); a {@code *.yaml} Kubernetes manifest (IG2xx); a {@code *.yaml} compose
 * file, or a folder with a {@code compose.yaml} and what it builds or extends (IG3xx); an {@code *.image.yaml}
 * {@link ImageDescription image description}, written as an OCI layout and scanned (IG4xx), whose {@code # expect:}
 * lines name the rules reported on the image (image findings have no line).
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
        Fixtures.Input input = Fixtures.Input.of(id);
        Path file = !Files.isDirectory(fixture) ? fixture
                : fixture.resolve(input == Fixtures.Input.COMPOSE ? "compose.yaml" : "Dockerfile");
        String expectedSuffix = switch (input) {
            case DOCKERFILE -> "Dockerfile";
            case IMAGE -> ".image.yaml";
            case KUBERNETES, COMPOSE -> ".yaml";
        };
        assertTrue(file.getFileName().toString().endsWith(expectedSuffix), fixture + ": not a " + input + " fixture");
        assertFalse((input == Fixtures.Input.KUBERNETES || input == Fixtures.Input.IMAGE) && Files.isDirectory(fixture),
                fixture + ": " + input + " fixtures are single files");
        String content = Files.readString(file);
        String name = fixture.getFileName().toString();
        boolean image = input == Fixtures.Input.IMAGE;
        Set<Fixtures.At> expected = image ? Fixtures.expectedOnImage(content, id) : Fixtures.expected(content, id);
        Set<Fixtures.At> expectedSuppressed = Fixtures.expectedSuppressed(content, id);
        if (name.startsWith("bad-")) assertFalse(expected.isEmpty(), name + " is bad-* but expects nothing");
        if (name.startsWith("good-")) assertTrue(expected.isEmpty(), name + " is good-* but expects findings");
        if (name.startsWith("good-suppressed")) {
            assertFalse(expectedSuppressed.isEmpty(), name + " is good-suppressed* but expects no suppressed finding");
        }
        List<TargetReport> reports = Fixtures.lint(input, file.toString(), content, file.getParent());
        for (TargetReport r : reports) {
            for (Finding f : r.findings()) {
                if (f.ruleId().equals(id) && !image) {
                    assertEquals(file.toString(), f.location().file(), fixture + ": " + id + " reported in another file");
                }
            }
        }
        assertEquals(expected, Fixtures.actual(reports, id), fixture + ": expected (rule@line) vs reported");
        assertEquals(expectedSuppressed, Fixtures.suppressed(reports, id),
                fixture + ": expected suppressed (rule@line) vs reported suppressed");
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

    @Test
    void suppressedExpectationsAreReadApart() {
        String yaml = "services:\n  # expect suppressed: IG301\n  # initguard ignore=IG301\n  app:\n"
                + "    image: python:3.12-slim\n    # expect: IG303\n    command: sh -c 'a; b'\n";
        assertEquals(Set.of(new Fixtures.At("IG301", 4)), Fixtures.expectedSuppressed(yaml, null));
        assertEquals(Set.of(new Fixtures.At("IG303", 7)), Fixtures.expected(yaml, null));
    }

    @Test
    void theRuleSeriesDecidesTheInput() {
        assertEquals(Fixtures.Input.DOCKERFILE, Fixtures.Input.of("IG110"));
        assertEquals(Fixtures.Input.KUBERNETES, Fixtures.Input.of("IG206"));
        assertEquals(Fixtures.Input.COMPOSE, Fixtures.Input.of("IG301"));
        assertEquals(Fixtures.Input.IMAGE, Fixtures.Input.of("IG404"));
    }

    @Test
    void imageExpectationsHaveNoLine() {
        String image = "# expect: IG401, IG402\nconfig: {Cmd: [\"/app\"]}\nlayers:\n  - /app: binary\n";
        assertEquals(Set.of(new Fixtures.At("IG401", 0), new Fixtures.At("IG402", 0)),
                Fixtures.expectedOnImage(image, null));
    }
}
