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

    /**
     * The kind of shell a program is, by its base name: {@code bash}, {@code dash}, {@code ash} or {@code busybox};
     * UNKNOWN for a plain {@code sh} (which shell it is depends on the image); null when it is no shell.
     */
    public static ShellKind ofProgram(String program) {
        return switch (program.substring(program.lastIndexOf('/') + 1)) {
            case "sh" -> UNKNOWN;
            case "bash" -> BASH;
            case "dash" -> DASH;
            case "ash", "busybox" -> BUSYBOX;
            default -> null;
        };
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
