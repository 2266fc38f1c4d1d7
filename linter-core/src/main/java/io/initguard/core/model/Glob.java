package io.initguard.core.model;

import java.util.regex.Pattern;

/**
 * A file-name glob as Docker and the catalogues use it: {@code *} any run of characters but {@code /}, {@code ?} one
 * such character, {@code [...]} a class; everything else literal. Compiled once.
 */
public record Glob(String text, Pattern pattern) {
    public static Glob of(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> sb.append("[^/]*");
                case '?' -> sb.append("[^/]");
                case '[', ']' -> sb.append(ch);
                default -> sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return new Glob(glob, Pattern.compile(sb.toString()));
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }
}
