package io.initguard.init;

/** Reads environment variables; {@link Os#getenv(String)} in the init. */
@FunctionalInterface
public interface Environment {

    /** @return the value, or null when the variable is not set */
    String get(String name);
}
