package io.initguard.core.model;

/** Whether a proper init is PID 1 (see shared/acceptance/README.md for the exact meaning). */
public enum Verdict {
    /** PID 1 is a general-purpose init that reaps orphans and forwards signals. */
    INIT("init"),
    /** PID 1 is known and is something else: the application, a shell, a wrapper script. */
    NO_INIT("no-init"),
    /** PID 1 cannot be known from what is given. */
    UNKNOWN("unknown");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
