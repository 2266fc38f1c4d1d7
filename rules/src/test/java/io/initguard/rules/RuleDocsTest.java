package io.initguard.rules;

import io.initguard.core.model.TargetReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule has a doc page docs/rules/ID.md whose "Bad" example makes the rule report and whose "Good" example
 * does not: the docs cannot drift from the code. The examples are {@code dockerfile} blocks for IG1xx, {@code yaml}
 * blocks linted as Kubernetes manifests for IG2xx and as compose files for IG3xx, and {@code yaml}
 * {@link ImageDescription image descriptions} for IG4xx, written as OCI layouts and scanned (see
 * {@link Fixtures.Input}).
 */
class RuleDocsTest {
    private static final Path DOCS = Path.of("../docs/rules");
    private static final Pattern BLOCK = Pattern.compile("## (Bad|Good)\\s*\\n```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> docPages() {
        return Fixtures.ruleIds().stream().map(id -> DynamicTest.dynamicTest(id, () -> check(id)));
    }

    private static void check(String id) throws IOException {
        Path page = DOCS.resolve(id + ".md");
        assertTrue(Files.isRegularFile(page), "no doc page " + page);
        String text = Files.readString(page);
        assertTrue(text.startsWith("# " + id + ": "), page + " must start with '# " + id + ": '");
        Fixtures.Input input = Fixtures.Input.of(id);
        Matcher m = BLOCK.matcher(text);
        boolean bad = false, good = false;
        while (m.find()) {
            assertEquals(input.language, m.group(2), page + ": the " + m.group(1) + " example of a " + input
                    + " rule must be a ```" + input.language + " block");
            List<TargetReport> r = Fixtures.lint(input, page + " (" + m.group(1) + ")", m.group(3), null);
            boolean reported = !Fixtures.actual(r, id).isEmpty();
            if (m.group(1).equals("Bad")) {
                bad = true;
                assertTrue(reported, id + ": the Bad example does not make the rule report: "
                        + r.stream().map(t -> t.name() + " " + t.chain().lines()).toList());
            } else {
                good = true;
                assertFalse(reported, id + ": the Good example makes the rule report: "
                        + r.stream().flatMap(t -> t.findings().stream()).toList());
            }
        }
        assertTrue(bad && good, page + " needs a ## Bad and a ## Good " + input.language + " example");
    }
}
