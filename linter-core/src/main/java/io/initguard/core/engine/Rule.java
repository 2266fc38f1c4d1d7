package io.initguard.core.engine;

/**
 * A check. Implementations carry {@link RuleInfo} and are found through {@link java.util.ServiceLoader}, so rules
 * from other jars plug in the same way as the built-in ones.
 */
public interface Rule {
    /** Looks at one target and reports what is wrong; targets of kinds the rule does not check are ignored. */
    void check(LintTarget target, Findings out);

    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
        return info;
    }
}
