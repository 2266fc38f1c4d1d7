package io.initguard.core.shell;

/**
 * One shell word, unexpanded.
 *
 * @param raw          the word as written in the source, quotes included
 * @param value        the word with quotes and backslashes removed; expansions ({@code $X}, {@code ${..}},
 *                     {@code $(..)}, backticks) are kept as their source text
 * @param hasExpansion whether the word contains an unquoted or double-quoted expansion
 * @param quoted       whether any part of the word was quoted or escaped
 */
public record Word(String raw, String value, boolean hasExpansion, boolean quoted) {
    /** Marker word for {@code "$@"} in argv templates; the caller substitutes the container arguments. */
    public static final String ALL_ARGS = "\"$@\"";

    /** Whether the word is exactly {@code "$@"}, {@code $@}, {@code "${@}"} or {@code ${@}}. */
    public boolean isAllArgs() {
        return raw.equals("\"$@\"") || raw.equals("$@") || raw.equals("\"${@}\"") || raw.equals("${@}");
    }

    /** Whether the word is exactly {@code "$0"}, {@code $0} or their braced forms. */
    public boolean isArg0() {
        return raw.equals("\"$0\"") || raw.equals("$0") || raw.equals("\"${0}\"") || raw.equals("${0}");
    }

    /** Whether the word contains a command substitution ({@code $(..)} or backticks). */
    public boolean hasCommandSubstitution() {
        return hasExpansion && (raw.contains("$(") || raw.contains("`"));
    }

    /** Whether the word is a literal (no expansion) equal to {@code s}. */
    public boolean is(String s) {
        return !hasExpansion && value.equals(s);
    }

    /** The word as it appears in an argv template: {@link #ALL_ARGS} for {@code "$@"}, else {@link #value}. */
    public String argvText() {
        return isAllArgs() ? ALL_ARGS : value;
    }

    /** Whether the word is an assignment {@code NAME=...} or bash's {@code NAME+=...}. */
    public boolean isAssignment() {
        int eq = raw.indexOf('=');
        if (eq <= 0) return false;
        String name = raw.substring(0, raw.charAt(eq - 1) == '+' ? eq - 1 : eq);
        if (name.isEmpty()) return false;
        if (!(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }
}
