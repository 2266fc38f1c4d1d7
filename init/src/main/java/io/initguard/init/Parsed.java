package io.initguard.init;

/** What the command line asks for. */
public sealed interface Parsed {

    /** Supervise a program. */
    record Run(Options options) implements Parsed {
    }

    /** Copy the binary into a directory and exit ({@code --install DIR}). */
    record Install(String directory, int verbosity) implements Parsed {
    }

    /** Print text to a file descriptor (1 or 2) and exit with a code: help, version, license, usage errors. */
    record Print(int fd, String text, int exitCode) implements Parsed {
    }

    /** Print a FATAL message and exit with a code: invalid option values. */
    record Fatal(String message, int exitCode) implements Parsed {
    }
}
