package io.initguard.core.engine;

import io.initguard.core.model.Finding;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Runs the rules over targets, applying config (enabled, severity) and suppressions. */
public final class LintEngine {
    private final List<Rule> rules;

    public LintEngine(List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(r -> r.info().id())).toList();
    }

    /** Every rule on the class path, through {@link ServiceLoader}. */
    public static LintEngine withInstalledRules() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class).forEach(rules::add);
        return new LintEngine(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<RuleDescriptor> descriptors() {
        return rules.stream().map(r -> RuleDescriptor.of(r.info())).toList();
    }

    /** Runs every enabled rule on {@code target}. */
    public TargetReport check(LintTarget target, Map<String, RuleSetting> settings) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            RuleSetting s = settings.getOrDefault(info.id(), RuleSetting.DEFAULT);
            if (!s.enabled()) continue;
            Severity severity = s.severity() != null ? s.severity() : info.severity();
            rule.check(target, (at, message) -> findings.add(new Finding(info.id(), severity, message, at,
                    target.suppressed(info.id(), at.line()))));
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.location().line()).thenComparing(Finding::ruleId));
        return new TargetReport(target.file(), target.kind(), target.name(), target.resolution().chain(), findings);
    }
}
