package io.initguard.init;

import java.nio.charset.StandardCharsets;

/**
 * tini's messages and levels: FATAL always and WARN from verbosity 1 go to stderr; INFO (2), DEBUG (3) and
 * TRACE (4) go to stdout. Each line reads {@code [LEVEL initguard-init (PID)] message}.
 */
public final class Log {

    /** The program name used in messages and usage. */
    public static final String NAME = "initguard-init";

    private final Os os;
    private final int verbosity;

    /** Creates a log that prints messages up to the given verbosity. */
    public Log(Os os, int verbosity) {
        this.os = os;
        this.verbosity = verbosity;
    }

    /** @return the verbosity this log prints at */
    public int verbosity() {
        return verbosity;
    }

    /** Always printed, to stderr. */
    public void fatal(String message) {
        line(2, "FATAL", message);
    }

    /** Printed from verbosity 1, to stderr. */
    public void warn(String message) {
        if (verbosity > 0) {
            line(2, "WARN ", message);
        }
    }

    /** Printed from verbosity 2, to stdout. */
    public void info(String message) {
        if (verbosity > 1) {
            line(1, "INFO ", message);
        }
    }

    /** Printed from verbosity 3, to stdout. */
    public void debug(String message) {
        if (verbosity > 2) {
            line(1, "DEBUG", message);
        }
    }

    /** Printed from verbosity 4, to stdout. */
    public void trace(String message) {
        if (verbosity > 3) {
            line(1, "TRACE", message);
        }
    }

    private void line(int fd, String level, String message) {
        os.write(fd, ("[" + level + " " + NAME + " (" + os.getpid() + ")] " + message + "\n")
            .getBytes(StandardCharsets.UTF_8));
    }
}
