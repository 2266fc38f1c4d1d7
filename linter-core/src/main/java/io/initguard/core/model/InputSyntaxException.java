package io.initguard.core.model;

/**
 * An input file that cannot be parsed, or has the wrong shape: where, and why. {@link #getMessage()} is
 * {@code file:line:col: reason}, the one line a user sees.
 */
public class InputSyntaxException extends Exception {
    private final Location location;
    private final String reason;

    public InputSyntaxException(Location location, String reason) {
        super(location + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    public Location location() {
        return location;
    }

    public String reason() {
        return reason;
    }

    /** As a report's error entry. */
    public LintError toError() {
        return new LintError(location.file(), location.line(), location.column(), reason);
    }
}
