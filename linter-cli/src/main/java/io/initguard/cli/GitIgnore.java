package io.initguard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore} file, as git reads them: comments, {@code !} negation, a trailing
 * {@code /} for folders only, a {@code /} elsewhere anchoring the pattern to the file's folder, {@code *}, {@code ?},
 * {@code [..]} and {@code **}.
 */
final class GitIgnore {
    private record Line(Pattern pattern, boolean negated, boolean dirOnly) {
    }

    private final Path dir;
    private final List<Line> lines;

    private GitIgnore(Path dir, List<Line> lines) {
        this.dir = dir;
        this.lines = lines;
    }

    /** The .gitignore in {@code dir}, or null when there is none. */
    static GitIgnore in(Path dir) {
        Path f = dir.resolve(".gitignore");
        if (!Files.isRegularFile(f)) return null;
        try {
            return parse(dir, Files.readAllLines(f));
        } catch (IOException e) {
            return null;
        }
    }

    static GitIgnore parse(Path dir, List<String> text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text) {
            String s = raw.stripTrailing();
            if (s.isEmpty() || s.startsWith("#")) continue;
            boolean negated = s.startsWith("!");
            if (negated) s = s.substring(1);
            if (s.startsWith("\\")) s = s.substring(1);
            boolean dirOnly = s.endsWith("/");
            if (dirOnly) s = s.substring(0, s.length() - 1);
            if (s.isEmpty()) continue;
            boolean anchored = s.contains("/");
            if (s.startsWith("/")) s = s.substring(1);
            String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(s);
            lines.add(new Line(Pattern.compile(regex), negated, dirOnly));
        }
        return new GitIgnore(dir, lines);
    }

    /**
     * Whether this file ignores {@code path} (below its folder): null when no pattern matches, else the answer of the
     * last matching pattern.
     */
    Boolean ignores(Path path, boolean isDir) {
        String rel = dir.relativize(path).toString().replace('\\', '/');
        Boolean result = null;
        for (Line l : lines) {
            if (l.dirOnly && !isDir) continue;
            if (l.pattern.matcher(rel).matches()) result = !l.negated;
        }
        return result;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                sb.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 1);
                if (end < 0) {
                    sb.append("\\[");
                } else {
                    String cls = glob.substring(i + 1, end).replace("\\", "\\\\");
                    if (cls.startsWith("!")) cls = "^" + cls.substring(1);
                    sb.append('[').append(cls).append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
