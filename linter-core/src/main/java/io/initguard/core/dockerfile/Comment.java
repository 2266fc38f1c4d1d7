package io.initguard.core.dockerfile;

/** A comment line; {@code text} is what follows the {@code #}, trimmed. */
public record Comment(int line, String text) {
}
