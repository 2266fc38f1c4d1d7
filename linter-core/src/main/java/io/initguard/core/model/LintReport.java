package io.initguard.core.model;

import java.util.List;

/** Everything one run found: the targets with their findings, and the inputs that could not be read. */
public record LintReport(String toolName, String toolVersion, List<TargetReport> targets, List<LintError> errors) {
    public LintReport {
        targets = List.copyOf(targets);
        errors = List.copyOf(errors);
    }

    public long count(Severity s, boolean suppressed) {
        return targets.stream().flatMap(t -> t.findings().stream())
                .filter(f -> f.severity() == s && f.suppressed() == suppressed).count();
    }
}
