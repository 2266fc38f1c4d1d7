package io.initguard.core.shell;

/** Shell text that this parser cannot read; carries the 1-based line and column of the problem. */
public final class ShellParseException extends Exception {
    private final int line;
    private final int column;

    public ShellParseException(String problem, int line, int column) {
        super(line + ":" + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
