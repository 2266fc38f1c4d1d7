package io.initguard.core.model;

import java.util.Locale;

/** How serious a finding is; ordered from the most to the least serious. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name used in reports and config: {@code error}, {@code warning}, {@code info}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info" -> INFO;
            default -> throw new IllegalArgumentException("unknown severity '" + s + "' (error, warning or info)");
        };
    }
}
