package io.initguard.core.engine;

import io.initguard.core.model.Severity;

/** A rule's metadata as reporters see it. */
public record RuleDescriptor(String id, String summary, Severity severity, String docsUrl) {
    public static final String DOCS_BASE = "https://github.com/initguard/initguard/blob/main/docs/rules/";

    public static RuleDescriptor of(RuleInfo info) {
        return new RuleDescriptor(info.id(), info.summary(), info.severity(), DOCS_BASE + info.id() + ".md");
    }
}
