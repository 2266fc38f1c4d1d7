package io.initguard.core.lint;

import io.initguard.core.model.LintError;
import io.initguard.core.model.TargetReport;

import java.util.List;

/**
 * What linting one input gives: a report per target, and the errors met on the way. Both may be there: in a
 * multi-document YAML file, a broken document is an error and the others are still linted.
 */
public record LintOutcome(List<TargetReport> targets, List<LintError> errors) {
    public LintOutcome {
        targets = List.copyOf(targets);
        errors = List.copyOf(errors);
    }

    public static LintOutcome of(List<TargetReport> targets) {
        return new LintOutcome(targets, List.of());
    }

    public static LintOutcome failed(LintError error) {
        return new LintOutcome(List.of(), List.of(error));
    }
}
