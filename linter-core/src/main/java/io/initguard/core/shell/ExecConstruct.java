package io.initguard.core.shell;

import java.util.Locale;

/**
 * A shell construct around the last command of a {@code sh -c} string or script, for which shells.yaml records
 * whether the shell execs that last command (so it replaces the shell as PID 1). {@code CMD} below is the last
 * command; each construct's yaml key is its {@link #key()}.
 */
public enum ExecConstruct {
    /** {@code CMD} alone. */
    SIMPLE_COMMAND,
    /** {@code a; CMD}: other commands before CMD on the same line. */
    SEQUENCE,
    /** {@code a<newline>CMD}: commands on earlier lines. */
    PREVIOUS_LINES,
    /** {@code a && CMD} as a line of its own. */
    AND_LIST,
    /** {@code a; b && CMD}: an and-list after other commands on the same line. */
    AND_LIST_IN_SEQUENCE,
    /** {@code false || CMD} (CMD runs only when the left side fails). */
    OR_LIST,
    /** {@code x=1; CMD}. */
    AFTER_ASSIGNMENT,
    /** {@code X=1 CMD}. */
    PREFIX_ASSIGNMENT,
    /** {@code set -e; CMD}. */
    AFTER_SET_E,
    /** {@code f(){ :; }; CMD}. */
    AFTER_FUNCTION_DEFINITION,
    /** {@code sleep 0 & CMD}: a background command right before CMD on the same line. */
    AFTER_BACKGROUND,
    /** {@code true | true; CMD}. */
    AFTER_PIPELINE,
    /** {@code $(echo cmd) arg}. */
    COMMAND_SUBSTITUTION,
    /** {@code CMD 2>&1}. */
    REDIRECTION,
    /** {@code { CMD; }}. */
    BRACE_GROUP,
    /** {@code ( CMD )}. */
    SUBSHELL,
    /** {@code { CMD; } 2>&1}, also if/case/loops with a redirection. */
    GROUP_REDIRECTION,
    /** {@code ( CMD ) 2>&1}. */
    SUBSHELL_REDIRECTION,
    /** {@code if true; then CMD; fi}. */
    IF_BODY,
    /** {@code case a in a) CMD;; esac}. */
    CASE_BODY,
    /** {@code for i in 1; do CMD; done}. */
    LOOP_BODY,
    /** {@code CMD | cat}. */
    PIPELINE,
    /** {@code ! CMD}. */
    NEGATION,
    /** {@code CMD & wait}. */
    BACKGROUND,
    /** {@code eval CMD}. */
    EVAL,
    /** {@code f(){ CMD; }; f}. */
    FUNCTION_CALL,
    /** {@code trap 'echo t' TERM; CMD}. */
    AFTER_TRAP_COMMAND,
    /** {@code trap 'echo t' EXIT; CMD}. */
    AFTER_TRAP_EXIT,
    /** {@code trap '' TERM; CMD} (signal ignored). */
    AFTER_TRAP_IGNORE,
    /** {@code trap '' EXIT; CMD}. */
    AFTER_TRAP_EMPTY_EXIT,
    /** {@code CMD<newline>}: the input ends with one newline after the last command. */
    TRAILING_NEWLINE,
    /** {@code CMD<newline># comment}: more lines (blank or comment) follow the last command. */
    TRAILING_TEXT,
    /** {@code exec CMD}. */
    EXPLICIT_EXEC,
    /** {@code exec -a name CMD} or {@code exec -- CMD}: exec with options (dash has none and fails). */
    EXEC_OPTIONS,
    /** A script file {@code sh script} whose last line is {@code CMD}. */
    SCRIPT_LAST_COMMAND,
    /** A script file {@code sh script} whose last line is {@code exec CMD}. */
    SCRIPT_EXPLICIT_EXEC;

    /** The yaml key: lower camel case of the constant name, e.g. {@code andList}. */
    public String key() {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
