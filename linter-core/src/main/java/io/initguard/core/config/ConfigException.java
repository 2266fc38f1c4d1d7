package io.initguard.core.config;

import java.nio.file.Path;

/** A config file that cannot be used: the file, the line (0 when unknown) and why. */
public class ConfigException extends Exception {
    private final Path file;
    private final int line;
    private final String reason;

    public ConfigException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
