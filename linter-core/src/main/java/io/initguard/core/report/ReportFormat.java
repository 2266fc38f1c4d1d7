package io.initguard.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of a lint run, by their command-line names. */
public enum ReportFormat {
    /** For people: one header per target, its findings, a summary line. */
    TEXT,
    /** The stable machine-readable contract (version 1). */
    JSON,
    /** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
    SARIF,
    /** JUnit XML, for CI test-report views. */
    JUNIT,
    /** Checkstyle XML, for reviewdog, Jenkins warnings and the like. */
    CHECKSTYLE,
    /** GitHub Actions workflow commands (annotations). */
    GITHUB;

    /** The lower-case name used on the command line: {@code text}, {@code json}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name, ignoring case and surrounding blanks. */
    public static ReportFormat parse(String s) {
        String wanted = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id().equals(wanted)) return f;
        }
        String known = Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown format '" + s + "' (" + known + ")");
    }

    /**
     * A reporter for this format.
     *
     * @param color whether the text format may use ANSI colours (the caller decides, e.g. from NO_COLOR and
     *              whether the output is a terminal); the other formats ignore it
     */
    public Reporter reporter(boolean color) {
        return switch (this) {
            case TEXT -> new TextReporter(color, false);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
            case JUNIT -> new JunitReporter();
            case CHECKSTYLE -> new CheckstyleReporter();
            case GITHUB -> new GithubReporter();
        };
    }
}
