package io.initguard.core.dockerfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import io.initguard.core.model.Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hand-written Dockerfile parser following BuildKit's {@code frontend/dockerfile/parser} (line joining, parser
 * directives, heredocs, flags, JSON detection) and the checks of {@code frontend/dockerfile/instructions} that matter
 * for linting (unknown instructions, instructions before FROM, FROM arguments, SHELL form, ONBUILD triggers).
 *
 * <p>The parser never throws anything but {@link DockerfileSyntaxException} for any content.
 */
public final class DockerfileParser {

    /** Instructions BuildKit knows. */
    static final Set<String> KNOWN = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
    /** Instructions whose arguments may be a JSON array (exec form). */
    static final Set<String> EXEC_CAPABLE = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME",
            "HEALTHCHECK");
    /** Instructions that may carry here-documents. */
    static final Set<String> HEREDOC_CAPABLE = Set.of("RUN", "COPY", "ADD");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Pattern HEREDOC_WORD = Pattern.compile("^([0-9]*)<<(-?)([^<]*)$");
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
    private static final JsonFactory JSON = new JsonFactory();

    private final String file;
    private final String[] lines;
    private final List<ParserDirective> directives = new ArrayList<>();
    private final Set<Integer> directiveLines = new HashSet<>();
    private final List<Comment> comments = new ArrayList<>();
    private char escape = '\\';

    private DockerfileParser(String file, String content) {
        this.file = file;
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        this.lines = splitLines(text);
    }

    /**
     * Parses a Dockerfile.
     *
     * @param file    the path as it will be reported in locations
     * @param content the whole file; a leading UTF-8 byte-order mark and CRLF line endings are accepted
     * @return the parsed file
     * @throws DockerfileSyntaxException when BuildKit would reject the file; the location names the offending line and
     *                                   column
     */
    public static Dockerfile parse(String file, String content) throws DockerfileSyntaxException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(content, "content");
        return new DockerfileParser(file, content).run();
    }

    private Dockerfile run() throws DockerfileSyntaxException {
        readDirectives();
        List<RawNode> nodes = readNodes();
        List<Instruction> instructions = new ArrayList<>();
        boolean inStage = false;
        for (RawNode node : nodes) {
            Instruction ins = toInstruction(node);
            if (ins.is("FROM")) {
                inStage = true;
            } else if (!inStage && !ins.is("ARG")) {
                throw error(ins.location(), "no build stage in current context");
            }
            instructions.add(ins);
        }
        if (instructions.isEmpty()) {
            throw error(Math.max(1, lines.length), 1, "file with no instructions");
        }
        return new Dockerfile(file, directives, escape, instructions, comments);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Physical lines and parser directives

    /** Splits on LF only (as BuildKit's scanner does) and drops trailing CRs of each line. */
    static String[] splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int trimmed = end;
            while (trimmed > start && text.charAt(trimmed - 1) == '\r') trimmed--;
            out.add(text.substring(start, trimmed));
            start = nl < 0 ? text.length() : nl + 1;
        }
        return out.toArray(String[]::new);
    }

    private void readDirectives() throws DockerfileSyntaxException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            int lead = leadingSpace(lines[i], 0);
            String[] d = matchDirective(lines[i].substring(lead));
            if (d == null) return;
            String name = d[0].toLowerCase(Locale.ROOT);
            if (!DIRECTIVES.contains(name)) return;
            if (!seen.add(name)) {
                throw error(i + 1, lead + 1, "only one " + name + " parser directive can be used");
            }
            if (name.equals("escape")) {
                if (!d[1].equals("`") && !d[1].equals("\\")) {
                    throw error(i + 1, lead + 1, "invalid escape token '" + d[1] + "' does not match ` or \\");
                }
                escape = d[1].charAt(0);
            }
            directives.add(new ParserDirective(name, d[1], i + 1));
            directiveLines.add(i + 1);
        }
    }

    /**
     * BuildKit's {@code ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} without backtracking; returns {name, value} or
     * null.
     */
    static String[] matchDirective(String s) {
        if (!s.startsWith("#")) return null;
        int p = skipRegexSpace(s, 1);
        int nameStart = p;
        if (p >= s.length() || !isAsciiLetter(s.charAt(p))) return null;
        p++;
        while (p < s.length() && (isAsciiLetter(s.charAt(p)) || (s.charAt(p) >= '0' && s.charAt(p) <= '9'))) p++;
        String name = s.substring(nameStart, p);
        p = skipRegexSpace(s, p);
        if (p >= s.length() || s.charAt(p) != '=') return null;
        String rest = s.substring(p + 1);
        if (rest.isEmpty()) return null;
        int v = skipRegexSpace(rest, 0);
        if (v == rest.length()) {
            // only whitespace: the lazy group takes the last character
            return new String[]{name, rest.substring(rest.length() - 1)};
        }
        int e = rest.length();
        while (e > v && isRegexSpace(rest.charAt(e - 1))) e--;
        return new String[]{name, rest.substring(v, e)};
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Go regexp {@code \s}: {@code [\t\n\f\r ]}. */
    private static boolean isRegexSpace(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    private static int skipRegexSpace(String s, int p) {
        while (p < s.length() && isRegexSpace(s.charAt(p))) p++;
        return p;
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> c > 0xFF && Character.isSpaceChar(c);
        };
    }

    /** BuildKit's token separator {@code [\t\v\f\r ]}. */
    private static boolean isTokenSpace(char c) {
        return c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == ' ';
    }

    private static int leadingSpace(String s, int from) {
        int p = from;
        while (p < s.length() && isSpace(s.charAt(p))) p++;
        return p;
    }

    static String trimSpace(String s) {
        int b = leadingSpace(s, 0);
        int e = s.length();
        while (e > b && isSpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Logical lines

    /** A logical line: joined text with the physical line and column of each character. */
    static final class Source {
        private final StringBuilder text = new StringBuilder();
        // One entry per appended piece of a physical line: where it starts in text, its line, its first column.
        private int[] segStart = new int[4];
        private int[] segLine = new int[4];
        private int[] segCol = new int[4];
        private int segments;

        void append(String physical, int from, int to, int line) {
            if (to <= from) return;
            if (segments == segStart.length) {
                segStart = java.util.Arrays.copyOf(segStart, segments * 2);
                segLine = java.util.Arrays.copyOf(segLine, segments * 2);
                segCol = java.util.Arrays.copyOf(segCol, segments * 2);
            }
            segStart[segments] = text.length();
            segLine[segments] = line;
            segCol[segments] = from + 1;
            segments++;
            text.append(physical, from, to);
        }

        int length() {
            return text.length();
        }

        char charAt(int i) {
            return text.charAt(i);
        }

        String substring(int from, int to) {
            return text.substring(from, to);
        }

        Location at(String file, int i) {
            if (text.isEmpty()) return new Location(file, 1, 1);
            int k = Math.min(Math.max(i, 0), text.length() - 1);
            int seg = java.util.Arrays.binarySearch(segStart, 0, segments, k);
            if (seg < 0) seg = -seg - 2;
            return new Location(file, segLine[seg], segCol[seg] + (k - segStart[seg]));
        }
    }

    /** One instruction as read, before BuildKit's instruction-level checks. */
    record RawNode(String keyword, Location location, List<Flag> flags, String text, RawNode child,
                   List<HeredocStart> heredocStarts, List<Heredoc> heredocs, int endLine) {
    }

    /** A heredoc found in the instruction line, with where its {@code <<} word starts. */
    record HeredocStart(String delimiter, boolean quoted, boolean stripTabs, Location location) {
    }

    private List<RawNode> readNodes() throws DockerfileSyntaxException {
        List<RawNode> nodes = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String raw = lines[i];
            int lineNo = ++i;
            int lead = leadingSpace(raw, 0);
            if (raw.startsWith("#", lead)) {
                if (!directiveLines.contains(lineNo)) comments.add(comment(raw, lead, lineNo));
                continue;
            }
            Source src = new Source();
            int end = continuationEnd(raw, lead);
            boolean continues = end >= 0;
            src.append(raw, lead, continues ? end : raw.length(), lineNo);
            if (!continues && src.length() == 0) continue;
            int endLine = lineNo;
            while (continues && i < lines.length) {
                String r = lines[i];
                int ln = ++i;
                endLine = ln;
                int l2 = leadingSpace(r, 0);
                if (r.startsWith("#", l2)) {
                    comments.add(comment(r, l2, ln));
                    continue;
                }
                if (l2 == r.length()) continue; // empty continuation line
                int e = continuationEnd(r, 0);
                continues = e >= 0;
                src.append(r, 0, continues ? e : r.length(), ln);
            }
            RawNode node = splitNode(src, 0);
            List<Heredoc> heredocs = new ArrayList<>();
            if (node != null && canContainHeredoc(node)) {
                for (HeredocStart h : node.heredocStarts()) {
                    StringBuilder body = new StringBuilder();
                    int bodyStart = i + 1;
                    boolean terminated = false;
                    while (i < lines.length) {
                        String l = lines[i];
                        endLine = ++i;
                        String candidate = h.stripTabs() ? stripLeadingTabs(l) : l;
                        if (candidate.equals(h.delimiter())) {
                            terminated = true;
                            break;
                        }
                        body.append(candidate).append('\n');
                    }
                    if (!terminated) throw new DockerfileSyntaxException(h.location(), "unterminated heredoc");
                    heredocs.add(new Heredoc(h.delimiter(), h.quoted(), h.stripTabs(), body.toString(), bodyStart));
                }
            }
            if (node == null) continue;
            nodes.add(withBody(node, heredocs, endLine));
        }
        return nodes;
    }

    private static RawNode withBody(RawNode n, List<Heredoc> heredocs, int endLine) {
        RawNode child = n.child() == null ? null : withBody(n.child(), heredocs, endLine);
        return new RawNode(n.keyword(), n.location(), n.flags(), n.text(), child, n.heredocStarts(),
                List.copyOf(heredocs), endLine);
    }

    private static Comment comment(String raw, int hash, int line) {
        return new Comment(line, trimSpace(raw.substring(hash + 1)));
    }

    private static String stripLeadingTabs(String s) {
        int p = 0;
        while (p < s.length() && s.charAt(p) == '\t') p++;
        return s.substring(p);
    }

    /**
     * BuildKit's continuation rule: the escape character followed only by spaces/tabs at the end of the line, not
     * itself escaped. Returns the index where the kept text ends (the escape's index), or -1 when the line does not
     * continue.
     */
    private int continuationEnd(String s, int from) {
        int e = s.length();
        while (e > from && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) e--;
        if (e == from || s.charAt(e - 1) != escape) return -1;
        int esc = e - 1;
        if (esc > from && s.charAt(esc - 1) == escape) return -1;
        return esc;
    }

    private boolean canContainHeredoc(RawNode node) {
        RawNode n = node;
        if (n.keyword().equalsIgnoreCase("ONBUILD") && n.child() != null) n = n.child();
        String kw = n.keyword().toUpperCase(Locale.ROOT);
        return HEREDOC_CAPABLE.contains(kw) && json(n.text()).form() != Form.EXEC;
    }

    /** Splits a logical line into keyword, flags and arguments (BuildKit's splitCommand); null when empty. */
    private RawNode splitNode(Source src, int from) {
        int start = from;
        while (start < src.length() && isSpace(src.charAt(start))) start++;
        int end = src.length();
        while (end > start && isSpace(src.charAt(end - 1))) end--;
        if (start == end) return null;
        int kwEnd = start;
        while (kwEnd < end && !isTokenSpace(src.charAt(kwEnd))) kwEnd++;
        String keyword = src.substring(start, kwEnd);
        int p = kwEnd;
        while (p < end && isTokenSpace(src.charAt(p))) p++;
        List<Flag> flags = new ArrayList<>();
        int argsStart = extractFlags(src, p, end, flags);
        while (argsStart < end && isSpace(src.charAt(argsStart))) argsStart++;
        String text = src.substring(argsStart, end);
        RawNode child = null;
        if (keyword.equalsIgnoreCase("ONBUILD") && !text.isEmpty()) child = splitNode(src, argsStart);
        List<HeredocStart> starts = heredocStarts(src, start, end);
        return new RawNode(keyword, src.at(file, start), flags, text, child, starts, List.of(), 0);
    }

    /** Leading {@code --name[=value]} words (BuildKit's extractBuilderFlags); returns where the arguments start. */
    private int extractFlags(Source src, int from, int end, List<Flag> flags) {
        int p = from;
        while (true) {
            while (p < end && isSpace(src.charAt(p))) p++;
            if (p >= end) return end;
            if (src.charAt(p) != '-' || p + 1 >= end || src.charAt(p + 1) != '-') return p;
            int wordStart = p;
            StringBuilder word = new StringBuilder();
            char quote = 0;
            boolean blankOk = false;
            while (p < end) {
                char c = src.charAt(p);
                if (quote == 0) {
                    if (isSpace(c)) break;
                    if (c == '\'' || c == '"') {
                        quote = c;
                        blankOk = true;
                    } else if (c == '\\') {
                        if (p + 1 < end) word.append(src.charAt(++p));
                    } else {
                        word.append(c);
                    }
                } else if (c == quote) {
                    quote = 0;
                } else if (c == '\\') {
                    if (p + 1 < end) word.append(src.charAt(++p));
                } else {
                    word.append(c);
                }
                p++;
            }
            String w = word.toString();
            if (w.equals("--")) return p;
            if (!blankOk && w.isEmpty()) continue;
            String body = w.startsWith("--") ? w.substring(2) : w;
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? null : body.substring(eq + 1);
            flags.add(new Flag(name, value, src.at(file, wordStart)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Heredoc detection

    /** A shell word of the instruction line, quotes and escapes kept, with its start index. */
    record Word(String raw, int start) {
    }

    /** BuildKit's heredocsFromLine: every shell word of the line that looks like {@code [n]<<[-]WORD}. */
    private List<HeredocStart> heredocStarts(Source src, int from, int end) {
        if (src.text.indexOf("<<", from) < 0) return List.of();
        List<Word> words = shellWords(src, from, end);
        List<HeredocStart> out = new ArrayList<>();
        for (Word w : words) {
            var m = HEREDOC_WORD.matcher(w.raw());
            if (!m.matches()) continue;
            String rest = m.group(3);
            if (rest.isEmpty()) continue;
            String name = unquote(rest);
            if (name == null || name.isEmpty()) continue;
            boolean quoted = quoteCount(name) != quoteCount(rest);
            out.add(new HeredocStart(name, quoted, m.group(2).equals("-"), src.at(file, w.start())));
        }
        return out;
    }

    private static int quoteCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\'' || s.charAt(i) == '"') n++;
        return n;
    }

    /** Splits on unquoted whitespace, keeping quotes and backslashes; an unterminated quote yields no words. */
    private static List<Word> shellWords(Source src, int from, int end) {
        List<Word> words = new ArrayList<>();
        int p = from;
        while (p < end) {
            while (p < end && isSpace(src.charAt(p))) p++;
            if (p >= end) break;
            int start = p;
            char quote = 0;
            int braces = 0;
            while (p < end) {
                char c = src.charAt(p);
                if (quote == 0) {
                    if (braces == 0 && isSpace(c)) break;
                    if (c == '\'' || c == '"') {
                        quote = c;
                    } else if (c == '\\') {
                        p++;
                    } else if (c == '$' && p + 1 < end && src.charAt(p + 1) == '{') {
                        braces++;
                        p++;
                    } else if (c == '}' && braces > 0) {
                        braces--;
                    }
                } else if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    p++;
                }
                p++;
            }
            if (quote != 0) return List.of();
            words.add(new Word(src.substring(start, Math.min(p, end)), start));
        }
        return words;
    }

    /** Removes shell quoting from one word; null when quoting is unbalanced. */
    static String unquote(String s) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int p = 0; p < s.length(); p++) {
            char c = s.charAt(p);
            if (quote == 0) {
                if (c == '\'' || c == '"') quote = c;
                else if (c == '\\') {
                    if (p + 1 < s.length()) out.append(s.charAt(++p));
                } else out.append(c);
            } else if (c == quote) {
                quote = 0;
            } else if (quote == '"' && c == '\\' && p + 1 < s.length() && "\"$\\".indexOf(s.charAt(p + 1)) >= 0) {
                out.append(s.charAt(++p));
            } else {
                out.append(c);
            }
        }
        return quote == 0 ? out.toString() : null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Instruction-level checks

    /** The outcome of trying the arguments as a JSON array. */
    record JsonResult(Form form, List<String> args, boolean invalid) {
        static final JsonResult NOT_JSON = new JsonResult(Form.SHELL, List.of(), false);
        static final JsonResult INVALID = new JsonResult(Form.SHELL, List.of(), true);
    }

    /**
     * Like BuildKit's parseJSON: text starting with {@code [} is decoded as one JSON value (trailing text after the
     * value is ignored, as Go's json.Decoder does); exec form when it is an array of strings.
     */
    static JsonResult json(String text) {
        String t = text.substring(leadingSpace(text, 0));
        if (!t.startsWith("[")) return JsonResult.NOT_JSON;
        // Streaming (jackson-core only): an element that is not a string makes it invalid whatever follows.
        try (JsonParser parser = JSON.createParser(t)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) return JsonResult.INVALID;
            List<String> args = new ArrayList<>();
            for (JsonToken tok = parser.nextToken(); tok != JsonToken.END_ARRAY; tok = parser.nextToken()) {
                if (tok != JsonToken.VALUE_STRING) return JsonResult.INVALID;
                args.add(parser.getText());
            }
            return new JsonResult(Form.EXEC, args, false);
        } catch (IOException e) {
            return JsonResult.INVALID;
        }
    }

    private Instruction toInstruction(RawNode n) throws DockerfileSyntaxException {
        String kw = n.keyword().toUpperCase(Locale.ROOT);
        if (!KNOWN.contains(kw)) throw error(n.location(), "unknown instruction: " + n.keyword());
        JsonResult json = JsonResult.NOT_JSON;
        if (EXEC_CAPABLE.contains(kw)) {
            json = json(kw.equals("HEALTHCHECK") ? healthcheckCommand(n.text()) : n.text());
        }
        Instruction trigger = null;
        switch (kw) {
            case "FROM" -> checkFrom(n);
            case "SHELL" -> {
                if (json.form() != Form.EXEC) throw error(n.location(), "SHELL requires the arguments to be in JSON form");
                if (json.args().isEmpty()) throw error(n.location(), "SHELL requires at least one argument");
            }
            case "ONBUILD" -> {
                RawNode c = n.child();
                if (c == null) throw error(n.location(), "ONBUILD requires at least one argument");
                String inner = c.keyword().toUpperCase(Locale.ROOT);
                if (inner.equals("ONBUILD")) {
                    throw error(c.location(), "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
                }
                if (inner.equals("FROM") || inner.equals("MAINTAINER")) {
                    throw error(c.location(), inner + " isn't allowed as an ONBUILD trigger");
                }
                trigger = toInstruction(c);
            }
            default -> {
            }
        }
        return new Instruction(kw, n.flags(), n.text(), json.form(), json.args(), json.invalid(), n.heredocs(),
                trigger, n.location(), n.endLine());
    }

    /** HEALTHCHECK's type word (CMD or NONE) is followed by the command. */
    private static String healthcheckCommand(String text) {
        int sep = 0;
        while (sep < text.length() && !isSpace(text.charAt(sep))) sep++;
        return text.substring(leadingSpace(text, sep));
    }

    private void checkFrom(RawNode n) throws DockerfileSyntaxException {
        List<String> words = new ArrayList<>();
        for (String w : n.text().split("[\\t\\x0B\\f\\r ]+")) if (!w.isEmpty()) words.add(w);
        if (words.size() != 1 && words.size() != 3) {
            throw error(n.location(), "FROM requires either one or three arguments");
        }
        if (words.size() == 3) {
            if (!words.get(1).equalsIgnoreCase("as")) {
                throw error(n.location(), "FROM requires either one or three arguments");
            }
            String name = words.get(2);
            if (!STAGE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                throw error(n.location(), "invalid name for build stage: \"" + name
                        + "\", name can't start with a number or contain symbols");
            }
        }
    }

    private DockerfileSyntaxException error(int line, int col, String reason) {
        return new DockerfileSyntaxException(new Location(file, line, col), reason);
    }

    private static DockerfileSyntaxException error(Location at, String reason) {
        return new DockerfileSyntaxException(at, reason);
    }
}
