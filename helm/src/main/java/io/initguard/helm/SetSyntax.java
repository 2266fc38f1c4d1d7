package io.initguard.helm;

import java.util.ArrayList;
import java.util.List;

/**
 * Helm's {@code --set} syntax, as far as the command line goes: several {@code key=value} pairs in one argument
 * separated by commas ({@code a=1,b=2}), {@code \,} for a comma inside a value, and lists in braces
 * ({@code cmd={tini,--,app}}). helm-java takes one key and one value at a time, so the argument is split here.
 */
final class SetSyntax {
    private SetSyntax() {
    }

    /** {@code a=1,b={x,y}} -> {@code a=1}, {@code b={x,y}}: commas outside braces and not escaped. */
    static List<String> split(String arg) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\' && i + 1 < arg.length()) {
                cur.append(c).append(arg.charAt(++i));
                continue;
            }
            if (c == '{') depth++;
            if (c == '}' && depth > 0) depth--;
            if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    /** The items of a {@code {a,b,c}} value, unescaped; null when the value is no list. */
    static List<String> list(String value) {
        if (value.length() < 2 || value.charAt(0) != '{' || value.charAt(value.length() - 1) != '}') return null;
        String inner = value.substring(1, value.length() - 1);
        List<String> items = new ArrayList<>();
        if (inner.isEmpty()) return items;
        for (String item : split(inner)) items.add(unescape(item));
        return items;
    }

    /** {@code a\,b} -> {@code a,b}. */
    static String unescape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) c = value.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }
}
