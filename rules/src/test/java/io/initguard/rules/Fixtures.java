package io.initguard.rules;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.ConfigLoader;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.lint.DockerfileLinter;
import io.initguard.core.lint.LintOutcome;
import io.initguard.core.model.Finding;
import io.initguard.core.model.TargetReport;
import io.initguard.rules.catalog.BuiltinCatalogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the built-in rules over a fixture Dockerfile and reads its inline expectations: a comment
 * {@code # expect: IG101[,IG102]} says that each named rule reports on the next instruction line below it.
 */
final class Fixtures {
    private static final Pattern EXPECT = Pattern.compile("^\\s*#\\s*expect:\\s*([A-Z0-9, ]+)\\s*$");
    static final LintEngine ENGINE = LintEngine.withInstalledRules();
    private static final DockerfileLinter LINTER = new DockerfileLinter(ENGINE,
            new Catalogs(BuiltinCatalogs.inits(), BuiltinCatalogs.baseImages()));
    private static final ConfigLoader CONFIG = new ConfigLoader(Catalogs.empty());

    private Fixtures() {
    }

    /** A rule ID at a line. */
    record At(String ruleId, int line) implements Comparable<At> {
        @Override
        public int compareTo(At o) {
            return line != o.line ? Integer.compare(line, o.line) : ruleId.compareTo(o.ruleId);
        }

        @Override
        public String toString() {
            return ruleId + "@" + line;
        }
    }

    static TargetReport lint(String name, String content, Path context) {
        LintOutcome out = LINTER.lint(name, content, context, null, CONFIG.defaults());
        if (!out.errors().isEmpty()) throw new AssertionError(name + ": " + out.errors().getFirst().oneLine());
        return out.targets().getFirst();
    }

    /** The expectations of {@code content} for {@code ruleId} (all rules when null). */
    static Set<At> expected(String content, String ruleId) {
        Set<At> out = new TreeSet<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            if (!m.matches()) continue;
            int target = i + 1;
            while (target < lines.length && (lines[target].isBlank() || lines[target].trim().startsWith("#"))) target++;
            for (String id : m.group(1).split("[,\\s]+")) {
                if (!id.isBlank() && (ruleId == null || id.equals(ruleId))) out.add(new At(id, target + 1));
            }
        }
        return out;
    }

    /** The unsuppressed findings of {@code ruleId} in a report. */
    static Set<At> actual(TargetReport report, String ruleId) {
        Set<At> out = new TreeSet<>();
        for (Finding f : report.findings()) {
            if (!f.suppressed() && f.ruleId().equals(ruleId)) out.add(new At(f.ruleId(), f.location().line()));
        }
        return out;
    }

    static List<String> ruleIds() {
        return ENGINE.rules().stream().map(r -> r.info().id()).toList();
    }
}
