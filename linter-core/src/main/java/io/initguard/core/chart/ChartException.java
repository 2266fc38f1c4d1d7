package io.initguard.core.chart;

/**
 * A chart that cannot be rendered, or chart support that is not available. Its message is one line:
 * {@code file:line: reason}, {@code file: reason} when the line is unknown (0), or just the reason when no file is
 * concerned (null), e.g. when the Helm module is not installed.
 */
public class ChartException extends Exception {
    private final String file;
    private final int line;
    private final String reason;

    /**
     * @param file   the file at fault as Helm names it (e.g. {@code mychart/templates/x.yaml}), or null
     * @param line   its 1-based line, or 0 when unknown
     * @param reason why, on one line
     */
    public ChartException(String file, int line, String reason) {
        super(message(file, line, reason));
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    private static String message(String file, int line, String reason) {
        if (file == null) {
            return reason;
        }
        return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }

    /** The file at fault, or null. */
    public String file() {
        return file;
    }

    /** The 1-based line in {@link #file()}, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** Why, without the file and line. */
    public String reason() {
        return reason;
    }
}
