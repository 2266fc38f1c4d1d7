package io.initguard.core.lint;

import io.initguard.core.model.LintError;
import io.initguard.core.model.TargetReport;

/** What linting one input gives: a report per target, or an error. */
public sealed interface LintOutcome {
    record Linted(java.util.List<TargetReport> targets) implements LintOutcome {
    }

    record Failed(LintError error) implements LintOutcome {
    }
}
