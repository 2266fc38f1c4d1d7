package io.initguard.core.catalog;

import io.initguard.core.model.Location;

/**
 * A catalogue file that cannot be read. {@link #getMessage()} is one line, {@code file:line:col: message}, with the
 * line and column from Jackson's {@code JsonLocation} (or the start of the offending entry).
 */
public final class CatalogException extends RuntimeException {
    private final Location location;
    private final String reason;

    public CatalogException(Location location, String reason) {
        super(location + ": " + oneLine(reason));
        this.location = location;
        this.reason = oneLine(reason);
    }

    public Location location() {
        return location;
    }

    public String reason() {
        return reason;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
