package io.initguard.core.model;

/** A place in an input file: 1-based line and column. Column 0 means "the whole line". */
public record Location(String file, int line, int column) {
    public static Location of(String file, int line) {
        return new Location(file, line, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
