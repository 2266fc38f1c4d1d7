package io.initguard.core.engine;

import io.initguard.core.model.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rule's metadata, on its class: the ID is stable forever, and the doc page is docs/rules/ID.md. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** {@code IG101}: never renumbered, never reused. */
    String id();

    /** One line: what is wrong. */
    String summary();

    /** The default severity; config can override it. */
    Severity severity();
}
