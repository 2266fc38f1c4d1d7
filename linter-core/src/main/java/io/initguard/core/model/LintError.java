package io.initguard.core.model;

/** Input that could not be read or parsed: reported, counted for exit code 2, never a stack trace. */
public record LintError(String file, int line, int column, String message) {
    /** The one-line form: {@code file:line:col: message} (line and column left out when unknown). */
    public String oneLine() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.append(": ").append(message).toString();
    }
}
