package io.initguard.core.shell;

import java.util.List;

/**
 * A parsed shell program: the top-level commands in order, and what follows the last one.
 *
 * @param commands top-level commands (separated by {@code ;}, {@code &} or newlines)
 * @param trailing      what the input holds after the last command's line
 * @param lastLineStart index in {@code commands} of the first command on the last command's line (bash parses
 *                      and runs a -c string line by line, which changes what it execs)
 */
public record ShellScript(List<Command> commands, Trailing trailing, int lastLineStart) {
    public ShellScript {
        commands = List.copyOf(commands);
    }

    /**
     * What follows the last top-level command (after blanks, a {@code ;} and a same-line comment). Shells decide
     * whether to exec the last command by looking at the remaining input, so this matters (see shells.yaml).
     */
    public enum Trailing {
        /** Nothing: the input ends on the last command's line. */
        NONE,
        /** Exactly one newline. */
        NEWLINE,
        /** More text: further blank or comment lines. */
        MORE
    }
}
