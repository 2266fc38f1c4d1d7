package io.initguard.core.catalog;

/**
 * A string that {@link ImageRef#parse(String)} cannot turn into an image reference. The message is one line and names
 * the reference; {@link #reason()} tells an invalid reference from one that still holds an unexpanded variable.
 */
public final class ImageRefException extends IllegalArgumentException {
    /** Why the reference was not parsed. */
    public enum Reason {
        /** Not a valid reference by Docker's rules (distribution/reference). */
        INVALID,
        /** Contains {@code $VAR} or {@code ${VAR}}: its value is only known at build time. */
        UNEXPANDED_VARIABLE
    }

    private final String reference;
    private final Reason reason;

    ImageRefException(String reference, Reason reason, String detail) {
        super(switch (reason) {
            case INVALID -> "invalid image reference '" + reference + "': " + detail;
            case UNEXPANDED_VARIABLE -> "image reference '" + reference + "' contains an unexpanded variable ("
                    + detail + "); it cannot be resolved without the variable's value";
        });
        this.reference = reference;
        this.reason = reason;
    }

    /** The string that was given to {@link ImageRef#parse(String)}. */
    public String reference() {
        return reference;
    }

    public Reason reason() {
        return reason;
    }
}
