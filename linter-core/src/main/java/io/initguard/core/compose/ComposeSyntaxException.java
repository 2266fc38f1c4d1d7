package io.initguard.core.compose;

import io.initguard.core.model.InputSyntaxException;
import io.initguard.core.model.Location;

/** A compose file that cannot be read or has a wrong shape; {@link #getMessage()} is {@code file:line:col: reason}. */
public class ComposeSyntaxException extends InputSyntaxException {
    public ComposeSyntaxException(Location location, String reason) {
        super(location, reason);
    }
}
