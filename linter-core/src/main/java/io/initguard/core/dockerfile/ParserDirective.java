package io.initguard.core.dockerfile;

/** A parser directive such as {@code # escape=`}; the name is lower-case. */
public record ParserDirective(String name, String value, int line) {
}
