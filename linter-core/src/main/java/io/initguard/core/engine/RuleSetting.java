package io.initguard.core.engine;

import io.initguard.core.model.Severity;

/** What config says of one rule: whether it runs, and its severity (null keeps the rule's own). */
public record RuleSetting(boolean enabled, Severity severity) {
    public static final RuleSetting DEFAULT = new RuleSetting(true, null);
}
