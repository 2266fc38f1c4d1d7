package io.initguard.core.shell;

import java.util.ArrayList;
import java.util.List;

/** Splits a string into words the way a shell would, without running one (like Python's shlex.split). */
public final class ShellWords {
    private ShellWords() {
    }

    /**
     * Splits {@code text} at unquoted blanks and newlines. Single quotes, double quotes and backslashes are
     * removed as a POSIX shell removes them; nothing is expanded ({@code $X} stays as text) and shell operators
     * such as {@code ;} or {@code |} get no special meaning (a string {@code command:} is not run by a shell).
     *
     * @throws ShellParseException on an unbalanced quote, naming its line and column
     */
    public static List<String> split(String text) throws ShellParseException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) out.add(cur.toString());
                cur.setLength(0);
                inWord = false;
                i++;
                continue;
            }
            inWord = true;
            if (c == '\\') {
                if (i + 1 < text.length()) {
                    if (text.charAt(i + 1) != '\n') cur.append(text.charAt(i + 1));
                    i += 2;
                } else {
                    cur.append(c);
                    i++;
                }
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) throw ShellLexer.errorAt(text, "unterminated single quote", i);
                cur.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                int start = i;
                i++;
                while (true) {
                    if (i >= text.length()) throw ShellLexer.errorAt(text, "unterminated double quote", start);
                    char d = text.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
                        if (text.charAt(i + 1) != '\n') cur.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        cur.append(d);
                        i++;
                    }
                }
            } else {
                cur.append(c);
                i++;
            }
        }
        if (inWord) out.add(cur.toString());
        return out;
    }
}
