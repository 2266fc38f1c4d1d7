package io.initguard.core.dockerfile;

import io.initguard.core.model.InputSyntaxException;
import io.initguard.core.model.Location;

/** A Dockerfile that cannot be parsed; {@link #getMessage()} is {@code file:line:col: message}. */
public class DockerfileSyntaxException extends InputSyntaxException {
    public DockerfileSyntaxException(Location location, String reason) {
        super(location, reason);
    }
}
