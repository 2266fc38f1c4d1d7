package io.initguard.core.dockerfile;

import io.initguard.core.model.Location;

/** A Dockerfile that cannot be parsed; {@link #getMessage()} is {@code file:line:col: message}. */
public class DockerfileSyntaxException extends Exception {
    private final Location location;
    private final String reason;

    public DockerfileSyntaxException(Location location, String reason) {
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
