package io.initguard.core.model;

/** One thing a rule reports about one target. */
public record Finding(String ruleId, Severity severity, String message, Location location, boolean suppressed) {

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, location, suppressed);
    }

    public Finding asSuppressed() {
        return new Finding(ruleId, severity, message, location, true);
    }
}
