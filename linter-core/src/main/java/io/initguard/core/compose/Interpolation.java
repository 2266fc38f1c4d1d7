package io.initguard.core.compose;

import io.initguard.core.model.Location;

/**
 * Compose variable interpolation without an environment, so results never depend on the machine: {@code $$} is a
 * literal {@code $}; {@code ${VAR:-default}} and {@code ${VAR-default}} give their default (the variable counts as
 * unset); {@code ${VAR}}, {@code $VAR} and the {@code ?}/{@code +} forms stay as written.
 */
final class Interpolation {
    private Interpolation() {
    }

    static String apply(String text, Location location) throws ComposeSyntaxException {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
            } else if (text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (text.charAt(i + 1) == '{') {
                int close = closingBrace(text, i + 2);
                if (close < 0) {
                    throw new ComposeSyntaxException(location, "invalid interpolation format in '" + text + "'");
                }
                out.append(braced(text.substring(i + 2, close), text, location));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String braced(String body, String whole, Location location) throws ComposeSyntaxException {
        int nameEnd = 0;
        while (nameEnd < body.length() && isNameChar(body.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == 0) {
            throw new ComposeSyntaxException(location, "invalid interpolation format in '" + whole + "'");
        }
        String rest = body.substring(nameEnd);
        if (rest.startsWith(":-")) {
            return apply(rest.substring(2), location);
        }
        if (rest.startsWith("-")) {
            return apply(rest.substring(1), location);
        }
        if (rest.isEmpty() || rest.startsWith(":?") || rest.startsWith("?") || rest.startsWith(":+")
                || rest.startsWith("+")) {
            return "${" + body + "}";
        }
        throw new ComposeSyntaxException(location, "invalid interpolation format in '" + whole + "'");
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Index of the '}' closing a '${' whose body starts at {@code from}, counting nested '${'; -1 if none. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
