package io.initguard.core.compose;

import io.initguard.core.model.Location;

/** A compose file that cannot be read or has a wrong shape; {@link #getMessage()} is {@code file:line:col: reason}. */
public class ComposeSyntaxException extends Exception {
    private final Location location;
    private final String reason;

    public ComposeSyntaxException(Location location, String reason) {
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
}
