package io.initguard.core.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits shell text into tokens: words (unexpanded, see {@link Word}), operators, newlines and IO numbers.
 * Comments and backslash-newline continuations are dropped; here-document bodies are read when their
 * delimiter word is lexed and skipped when the lexer reaches the end of that line.
 */
final class ShellLexer {

    /** Token kinds. */
    enum Type { WORD, OPERATOR, IO_NUMBER, NEWLINE, EOF }

    /** One token; {@code start}/{@code end} are offsets into the source. */
    record Token(Type type, String text, Word word, int start, int end) {
        boolean isOperator(String op) {
            return type == Type.OPERATOR && text.equals(op);
        }

        /** Whether this is an unquoted word spelled {@code s} (how reserved words are recognised). */
        boolean isReserved(String s) {
            return type == Type.WORD && !word.quoted() && !word.hasExpansion() && word.raw().equals(s);
        }
    }

    private static final String[] OPERATORS = {
        "&>>", "<<-", "<<<", "&&", "||", ";;", "<<", ">>", "<&", ">&", "<>", ">|", "&>",
        ";", "&", "|", "<", ">", "(", ")"
    };

    private final String src;
    private int pos;
    private boolean nextWordIsHereDocDelimiter;
    private boolean hereDocStripTabs;
    /** Offset of the newline that ends the line holding pending here-documents, or -1. */
    private int hereDocLineEnd = -1;
    /** Offset where the next here-document body starts (after the line end and earlier bodies). */
    private int hereDocResume = -1;
    private final Map<Integer, String> hereDocBodies = new HashMap<>();

    ShellLexer(String src) {
        this.src = src;
    }

    /** The body of the here-document whose delimiter word starts at {@code delimiterStart}. */
    String hereDocBody(int delimiterStart) {
        return hereDocBodies.get(delimiterStart);
    }

    String source() {
        return src;
    }

    /** Lexes all tokens up to and including EOF. */
    List<Token> tokenize() throws ShellParseException {
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = next();
            out.add(t);
        } while (t.type() != Type.EOF);
        return out;
    }

    private Token next() throws ShellParseException {
        skipBlanksAndComments();
        if (pos >= src.length()) return new Token(Type.EOF, "", null, pos, pos);
        char c = src.charAt(pos);
        int start = pos;
        if (c == '\n') {
            pos++;
            if (start == hereDocLineEnd) {
                pos = hereDocResume;
                hereDocLineEnd = -1;
            }
            return new Token(Type.NEWLINE, "\n", null, start, start + 1);
        }
        if ((c == '<' || c == '>') && src.startsWith("(", pos + 1)) {
            // bash process substitution <(cmd) / >(cmd): one word, kept as text
            pos = balancedEnd(pos + 2, '(', ')', start, c + "(");
            String text = src.substring(start, pos);
            return new Token(Type.WORD, text, new Word(text, text, true, false), start, pos);
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                if (op.equals("<<") || op.equals("<<-")) {
                    nextWordIsHereDocDelimiter = true;
                    hereDocStripTabs = op.equals("<<-");
                }
                return new Token(Type.OPERATOR, op, null, start, pos);
            }
        }
        Word w = readWord();
        if (!w.quoted() && !w.hasExpansion() && w.raw().chars().allMatch(Character::isDigit)
                && pos < src.length() && (src.charAt(pos) == '<' || src.charAt(pos) == '>')) {
            return new Token(Type.IO_NUMBER, w.raw(), w, start, pos);
        }
        if (nextWordIsHereDocDelimiter) {
            nextWordIsHereDocDelimiter = false;
            readHereDoc(start, w.value());
        }
        return new Token(Type.WORD, w.raw(), w, start, pos);
    }

    private void skipBlanksAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else {
                return;
            }
        }
    }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '&' || c == '|'
                || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private Word readWord() throws ShellParseException {
        StringBuilder raw = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean expansion = false;
        boolean quoted = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isMeta(c)) break;
            switch (c) {
                case '\\' -> {
                    if (pos + 1 >= src.length()) {
                        raw.append(c);
                        value.append(c);
                        pos++;
                    } else if (src.charAt(pos + 1) == '\n') {
                        pos += 2;
                    } else {
                        raw.append(c).append(src.charAt(pos + 1));
                        value.append(src.charAt(pos + 1));
                        quoted = true;
                        pos += 2;
                    }
                }
                case '\'' -> {
                    int end = src.indexOf('\'', pos + 1);
                    if (end < 0) throw error("unterminated single quote", pos);
                    raw.append(src, pos, end + 1);
                    value.append(src, pos + 1, end);
                    quoted = true;
                    pos = end + 1;
                }
                case '"' -> {
                    expansion |= readDoubleQuoted(raw, value);
                    quoted = true;
                }
                case '$' -> {
                    if (pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
                        int end = ansiQuoteEnd(pos + 2);
                        raw.append(src, pos, end + 1);
                        value.append(src, pos + 2, end);
                        quoted = true;
                        pos = end + 1;
                    } else {
                        expansion |= readDollar(raw, value);
                    }
                }
                case '`' -> {
                    readBacktick(raw, value);
                    expansion = true;
                }
                default -> {
                    raw.append(c);
                    value.append(c);
                    pos++;
                }
            }
        }
        return new Word(raw.toString(), value.toString(), expansion, quoted);
    }

    private int ansiQuoteEnd(int from) throws ShellParseException {
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') i++;
            else if (c == '\'') return i;
        }
        throw error("unterminated $'...' quote", from - 2);
    }

    /** Reads {@code "..."} at pos; returns whether it held an expansion. */
    private boolean readDoubleQuoted(StringBuilder raw, StringBuilder value) throws ShellParseException {
        int start = pos;
        boolean expansion = false;
        raw.append('"');
        pos++;
        while (true) {
            if (pos >= src.length()) throw error("unterminated double quote", start);
            char c = src.charAt(pos);
            if (c == '"') {
                raw.append('"');
                pos++;
                return expansion;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                raw.append(c).append(n);
                if (n == '\n') {
                    // continuation: dropped
                } else if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    value.append(n);
                } else {
                    value.append(c).append(n);
                }
                pos += 2;
            } else if (c == '$') {
                expansion |= readDollar(raw, value);
            } else if (c == '`') {
                readBacktick(raw, value);
                expansion = true;
            } else {
                raw.append(c);
                value.append(c);
                pos++;
            }
        }
    }

    /** Reads an expansion starting with '$' at pos; returns false when the '$' is literal. */
    private boolean readDollar(StringBuilder raw, StringBuilder value) throws ShellParseException {
        int start = pos;
        char n = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
        if (n == '(') {
            pos = balancedEnd(pos + 2, '(', ')', start, "$(");
        } else if (n == '{') {
            pos = balancedEnd(pos + 2, '{', '}', start, "${");
        } else if (Character.isLetter(n) || n == '_') {
            pos += 2;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        } else if (Character.isDigit(n) || "@*#?-$!".indexOf(n) >= 0 && n != '\0') {
            pos += 2;
        } else {
            raw.append('$');
            value.append('$');
            pos++;
            return false;
        }
        raw.append(src, start, pos);
        value.append(src, start, pos);
        return true;
    }

    /** Returns the offset just after the bracket closing the one opened before {@code from}. */
    private int balancedEnd(int from, char open, char close, int errorAt, String what) throws ShellParseException {
        int depth = 1;
        int i = from;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'' && open == '(') {
                int end = src.indexOf('\'', i + 1);
                if (end < 0) break;
                i = end + 1;
                continue;
            }
            if (c == '"') {
                i = skipDoubleQuotedRaw(i);
                if (i < 0) break;
                continue;
            }
            if (c == '`') {
                int end = src.indexOf('`', i + 1);
                if (end < 0) break;
                i = end + 1;
                continue;
            }
            if (c == open) depth++;
            else if (c == close && --depth == 0) return i + 1;
            i++;
        }
        throw error("unterminated " + what, errorAt);
    }

    private int skipDoubleQuotedRaw(int at) {
        int i = at + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') i += 2;
            else if (c == '"') return i + 1;
            else i++;
        }
        return -1;
    }

    private void readBacktick(StringBuilder raw, StringBuilder value) throws ShellParseException {
        int start = pos;
        int i = pos + 1;
        while (i < src.length() && src.charAt(i) != '`') {
            if (src.charAt(i) == '\\') i++;
            i++;
        }
        if (i >= src.length()) throw error("unterminated backquote", start);
        pos = i + 1;
        raw.append(src, start, pos);
        value.append(src, start, pos);
    }

    /** Reads the body of a here-document whose delimiter word starts at {@code delimiterStart}. */
    private void readHereDoc(int delimiterStart, String delimiter) throws ShellParseException {
        if (hereDocLineEnd < 0) {
            hereDocLineEnd = lineEnd(pos);
            hereDocResume = hereDocLineEnd + 1;
        }
        StringBuilder body = new StringBuilder();
        int i = hereDocResume;
        while (true) {
            if (i >= src.length()) {
                if (hereDocLineEnd >= src.length()) hereDocLineEnd = -1;
                throw error("here-document delimited by '" + delimiter + "' is not closed", delimiterStart);
            }
            int nl = src.indexOf('\n', i);
            int end = nl < 0 ? src.length() : nl;
            String line = src.substring(i, end);
            if (hereDocStripTabs) line = line.replaceFirst("^\t+", "");
            i = nl < 0 ? src.length() : nl + 1;
            if (line.equals(delimiter)) break;
            body.append(line).append('\n');
        }
        hereDocResume = i;
        hereDocBodies.put(delimiterStart, body.toString());
    }

    /** Offset of the newline ending the logical line at {@code from} (quotes respected), or the source length. */
    private int lineEnd(int from) {
        int i = from;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') return i;
            if (c == '\\') i += 2;
            else if (c == '\'') {
                int e = src.indexOf('\'', i + 1);
                i = e < 0 ? src.length() : e + 1;
            } else if (c == '"') {
                int e = skipDoubleQuotedRaw(i);
                i = e < 0 ? src.length() : e;
            } else if (c == '#' && (i == 0 || isMeta(src.charAt(i - 1)))) {
                int e = src.indexOf('\n', i);
                return e < 0 ? src.length() : e;
            } else i++;
        }
        return src.length();
    }

    ShellParseException error(String problem, int offset) {
        return ShellLexer.errorAt(src, problem, offset);
    }

    static ShellParseException errorAt(String src, String problem, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(offset, src.length()); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            } else col++;
        }
        return new ShellParseException(problem, line, col);
    }
}
