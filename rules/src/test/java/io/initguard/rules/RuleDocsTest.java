package io.initguard.rules;

import io.initguard.core.model.TargetReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule has a doc page docs/rules/ID.md whose "Bad" example makes the rule report and whose "Good" example
 * does not: the docs cannot drift from the code.
 */
class RuleDocsTest {
    private static final Path DOCS = Path.of("../docs/rules");
    private static final Pattern BLOCK = Pattern.compile("## (Bad|Good)\\s*\\n```dockerfile\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> docPages() {
        return Fixtures.ruleIds().stream().map(id -> DynamicTest.dynamicTest(id, () -> check(id)));
    }

    private static void check(String id) throws IOException {
        Path page = DOCS.resolve(id + ".md");
        assertTrue(Files.isRegularFile(page), "no doc page " + page);
        String text = Files.readString(page);
        assertTrue(text.startsWith("# " + id + ": "), page + " must start with '# " + id + ": '");
        Matcher m = BLOCK.matcher(text);
        boolean bad = false, good = false;
        while (m.find()) {
            TargetReport r = Fixtures.lint(page + " (" + m.group(1) + ")", m.group(2), null);
            boolean reported = !Fixtures.actual(r, id).isEmpty();
            if (m.group(1).equals("Bad")) {
                bad = true;
                assertTrue(reported, id + ": the Bad example does not make the rule report: " + r.chain().lines());
            } else {
                good = true;
                assertFalse(reported, id + ": the Good example makes the rule report: " + r.findings());
            }
        }
        assertTrue(bad && good, page + " needs a ## Bad and a ## Good dockerfile example");
    }
}
