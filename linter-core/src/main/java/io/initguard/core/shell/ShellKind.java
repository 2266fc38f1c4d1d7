package io.initguard.core.shell;

import java.util.Locale;

/** Which program {@code /bin/sh} (or the SHELL of a Dockerfile) is; behaviour per kind lives in shells.yaml. */
public enum ShellKind {
    /** Debian's and Ubuntu's /bin/sh. */
    DASH,
    BASH,
    /** busybox ash, Alpine's and busybox's /bin/sh. */
    BUSYBOX,
    /** The image has no shell at all (scratch, distroless). */
    NONE,
    /** Not known. */
    UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ShellKind parse(String s) {
        if (s == null) return UNKNOWN;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "dash" -> DASH;
            case "bash" -> BASH;
            case "busybox", "ash" -> BUSYBOX;
            case "none" -> NONE;
            default -> UNKNOWN;
        };
    }
}
