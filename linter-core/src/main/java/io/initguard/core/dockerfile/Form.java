package io.initguard.core.dockerfile;

/** Exec form ({@code ["a","b"]}, a valid JSON array of strings) or shell form (everything else). */
public enum Form {
    EXEC, SHELL
}
