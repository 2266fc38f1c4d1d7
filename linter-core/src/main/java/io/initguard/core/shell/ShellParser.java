package io.initguard.core.shell;

import io.initguard.core.shell.Command.AndOr;
import io.initguard.core.shell.Command.Background;
import io.initguard.core.shell.Command.BraceGroup;
import io.initguard.core.shell.Command.Branch;
import io.initguard.core.shell.Command.CaseClause;
import io.initguard.core.shell.Command.CaseItem;
import io.initguard.core.shell.Command.ForLoop;
import io.initguard.core.shell.Command.FunctionDef;
import io.initguard.core.shell.Command.IfClause;
import io.initguard.core.shell.Command.Pipeline;
import io.initguard.core.shell.Command.SimpleCommand;
import io.initguard.core.shell.Command.Subshell;
import io.initguard.core.shell.Command.WhileLoop;
import io.initguard.core.shell.ShellLexer.Token;
import io.initguard.core.shell.ShellLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the POSIX shell grammar (plus bash's {@code function name} form), good enough
 * for container command strings and entrypoint scripts. Nothing is expanded or executed.
 */
public final class ShellParser {
    private static final Set<String> RESERVED = Set.of(
            "if", "then", "elif", "else", "fi", "do", "done", "case", "esac", "while", "until", "for", "{", "}",
            "!", "in", "function");

    private final ShellLexer lexer;
    private final List<Token> tokens;
    private int index;

    private ShellParser(String text) throws ShellParseException {
        this.lexer = new ShellLexer(text);
        this.tokens = lexer.tokenize();
    }

    /** Parses a whole command string or script. */
    public static ShellScript parse(String text) throws ShellParseException {
        ShellParser p = new ShellParser(text);
        List<Command> commands = p.list(Set.of(), true);
        if (p.peek().type() != Type.EOF) throw p.unexpected(p.peek());
        return new ShellScript(commands, p.trailing(), p.lastLineStart);
    }

    private int lastTopLevelEnd = -1;
    private int lastLineStart;

    private ShellScript.Trailing trailing() {
        if (lastTopLevelEnd < 0) return ShellScript.Trailing.NONE;
        String rest = lexer.source().substring(lastTopLevelEnd);
        int i = 0;
        while (i < rest.length() && (rest.charAt(i) == ' ' || rest.charAt(i) == '\t')) i++;
        if (i < rest.length() && (rest.charAt(i) == ';' || rest.charAt(i) == '&')) i++;
        while (i < rest.length() && (rest.charAt(i) == ' ' || rest.charAt(i) == '\t')) i++;
        if (i < rest.length() && rest.charAt(i) == '#') {
            while (i < rest.length() && rest.charAt(i) != '\n') i++;
        }
        String tail = rest.substring(i);
        if (tail.isEmpty()) return ShellScript.Trailing.NONE;
        return tail.equals("\n") ? ShellScript.Trailing.NEWLINE : ShellScript.Trailing.MORE;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.type() != Type.EOF) index++;
        return t;
    }

    private void skipNewlines() {
        while (peek().type() == Type.NEWLINE) advance();
    }

    private boolean atListEnd(Set<String> terminators) {
        Token t = peek();
        if (t.type() == Type.EOF || t.isOperator(")") || t.isOperator(";;")) return true;
        for (String term : terminators) {
            if (t.isReserved(term)) return true;
        }
        return false;
    }

    /** A list of and-or commands separated by ; & or newlines, up to a terminator word, ')' ';;' or EOF. */
    private List<Command> list(Set<String> terminators, boolean topLevel) throws ShellParseException {
        List<Command> out = new ArrayList<>();
        skipNewlines();
        while (!atListEnd(terminators)) {
            if (topLevel && index > 0 && tokens.get(index - 1).type() == Type.NEWLINE) lastLineStart = out.size();
            Command c = andOr();
            int end = tokens.get(index - 1).end();
            Token sep = peek();
            if (sep.isOperator("&")) {
                advance();
                c = new Background(c);
            } else if (sep.isOperator(";")) {
                advance();
            } else if (sep.type() != Type.NEWLINE && !atListEnd(terminators)) {
                throw unexpected(sep);
            }
            out.add(c);
            if (topLevel) lastTopLevelEnd = end;
            skipNewlines();
        }
        return out;
    }

    private Command andOr() throws ShellParseException {
        Command left = pipeline();
        while (peek().isOperator("&&") || peek().isOperator("||")) {
            AndOr.Operator op = advance().text().equals("&&") ? AndOr.Operator.AND : AndOr.Operator.OR;
            skipNewlines();
            left = new AndOr(left, op, pipeline());
        }
        return left;
    }

    private Command pipeline() throws ShellParseException {
        boolean negated = false;
        if (peek().isReserved("!")) {
            advance();
            negated = true;
        }
        List<Command> cmds = new ArrayList<>();
        cmds.add(command());
        while (peek().isOperator("|")) {
            advance();
            skipNewlines();
            cmds.add(command());
        }
        if (cmds.size() == 1 && !negated) return cmds.getFirst();
        return new Pipeline(cmds, negated);
    }

    private Command command() throws ShellParseException {
        Token t = peek();
        if (t.isOperator("(")) {
            advance();
            List<Command> body = list(Set.of(), false);
            expectOperator(")", t);
            return new Subshell(body, redirections());
        }
        if (t.type() == Type.WORD && !t.word().quoted()) {
            switch (t.word().raw()) {
                case "{" -> {
                    advance();
                    List<Command> body = list(Set.of("}"), false);
                    expectReserved("}", t);
                    return new BraceGroup(body, redirections());
                }
                case "if" -> {
                    return ifClause();
                }
                case "while", "until" -> {
                    advance();
                    List<Command> cond = list(Set.of("do"), false);
                    expectReserved("do", t);
                    List<Command> body = list(Set.of("done"), false);
                    expectReserved("done", t);
                    return new WhileLoop(t.word().raw().equals("until"), cond, body, redirections());
                }
                case "for" -> {
                    return forLoop();
                }
                case "case" -> {
                    return caseClause();
                }
                case "function" -> {
                    advance();
                    Token name = peek();
                    if (name.type() != Type.WORD) throw unexpected(name);
                    advance();
                    if (peek().isOperator("(") && peek(1).isOperator(")")) {
                        advance();
                        advance();
                    }
                    skipNewlines();
                    return new FunctionDef(name.word().value(), command());
                }
                case "then", "elif", "else", "fi", "do", "done", "esac", "}", "in" -> throw unexpected(t);
                default -> {
                    // simple command or function definition below
                }
            }
            if (peek(1).isOperator("(") && peek(2).isOperator(")") && !t.word().hasExpansion()
                    && !t.word().raw().contains("=")) {
                advance();
                advance();
                advance();
                skipNewlines();
                return new FunctionDef(t.word().value(), command());
            }
        }
        return simpleCommand();
    }

    private Command ifClause() throws ShellParseException {
        Token start = advance();
        List<Branch> branches = new ArrayList<>();
        List<Command> cond = list(Set.of("then"), false);
        expectReserved("then", start);
        branches.add(new Branch(cond, list(Set.of("elif", "else", "fi"), false)));
        List<Command> elseBody = null;
        while (true) {
            Token t = peek();
            if (t.isReserved("elif")) {
                advance();
                List<Command> c = list(Set.of("then"), false);
                expectReserved("then", t);
                branches.add(new Branch(c, list(Set.of("elif", "else", "fi"), false)));
            } else if (t.isReserved("else")) {
                advance();
                elseBody = list(Set.of("fi"), false);
                expectReserved("fi", start);
                break;
            } else {
                expectReserved("fi", start);
                break;
            }
        }
        return new IfClause(branches, elseBody, redirections());
    }

    private Command forLoop() throws ShellParseException {
        Token start = advance();
        Token name = peek();
        if (name.type() != Type.WORD) {
            throw error("expected a variable name after 'for' (arithmetic for loops are not supported)", name);
        }
        advance();
        List<Word> items = null;
        skipNewlines();
        if (peek().isReserved("in")) {
            advance();
            items = new ArrayList<>();
            while (peek().type() == Type.WORD) items.add(advance().word());
            if (peek().isOperator(";") || peek().type() == Type.NEWLINE) advance();
            else throw unexpected(peek());
        } else if (peek().isOperator(";")) {
            advance();
        }
        skipNewlines();
        expectReserved("do", start);
        List<Command> body = list(Set.of("done"), false);
        expectReserved("done", start);
        return new ForLoop(name.word().value(), items, body, redirections());
    }

    private Command caseClause() throws ShellParseException {
        Token start = advance();
        Token subject = peek();
        if (subject.type() != Type.WORD) throw unexpected(subject);
        advance();
        skipNewlines();
        expectReserved("in", start);
        skipNewlines();
        List<CaseItem> items = new ArrayList<>();
        while (!peek().isReserved("esac")) {
            if (peek().isOperator("(")) advance();
            List<Word> patterns = new ArrayList<>();
            while (true) {
                Token p = peek();
                if (p.type() != Type.WORD) throw unexpected(p);
                patterns.add(advance().word());
                if (peek().isOperator("|")) advance();
                else break;
            }
            expectOperator(")", start);
            List<Command> body = list(Set.of("esac"), false);
            items.add(new CaseItem(patterns, body));
            if (peek().isOperator(";;")) {
                advance();
                skipNewlines();
            } else if (!peek().isReserved("esac")) {
                throw unexpected(peek());
            }
        }
        advance();
        return new CaseClause(subject.word(), items, redirections());
    }

    private Command simpleCommand() throws ShellParseException {
        List<Word> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirection> redirections = new ArrayList<>();
        Token first = peek();
        while (true) {
            Token t = peek();
            if (t.type() == Type.IO_NUMBER || isRedirectionOperator(t)) {
                redirections.add(redirection());
            } else if (t.type() == Type.WORD) {
                advance();
                if (words.isEmpty() && t.word().isAssignment()) {
                    if (peek().isOperator("(") && t.word().raw().endsWith("=") && peek().start() == t.end()) {
                        assignments.add(arrayAssignment(t));
                    } else {
                        assignments.add(t.word());
                    }
                } else {
                    words.add(t.word());
                }
            } else {
                break;
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirections.isEmpty()) throw unexpected(first);
        return new SimpleCommand(assignments, words, redirections);
    }

    /** bash {@code name=(a b c)}: the elements (words and newlines) become one assignment word. */
    private Word arrayAssignment(Token name) throws ShellParseException {
        Token open = advance();
        StringBuilder raw = new StringBuilder(name.word().raw()).append('(');
        StringBuilder value = new StringBuilder(name.word().value()).append('(');
        boolean expansion = false;
        String sep = "";
        while (!peek().isOperator(")")) {
            Token t = peek();
            if (t.type() == Type.NEWLINE) {
                advance();
                continue;
            }
            if (t.type() != Type.WORD) throw error("expected ')' to close the array started at " + position(open), t);
            advance();
            raw.append(sep).append(t.word().raw());
            value.append(sep).append(t.word().value());
            expansion |= t.word().hasExpansion();
            sep = " ";
        }
        advance();
        return new Word(raw.append(')').toString(), value.append(')').toString(), expansion, true);
    }

    private static boolean isRedirectionOperator(Token t) {
        return t.type() == Type.OPERATOR && !Set.of(";", "&", "|", "&&", "||", ";;", "(", ")").contains(t.text());
    }

    private List<Redirection> redirections() throws ShellParseException {
        List<Redirection> out = new ArrayList<>();
        while (peek().type() == Type.IO_NUMBER || isRedirectionOperator(peek())) out.add(redirection());
        return out;
    }

    private Redirection redirection() throws ShellParseException {
        int fd = -1;
        if (peek().type() == Type.IO_NUMBER) fd = Integer.parseInt(advance().text());
        Token op = peek();
        if (!isRedirectionOperator(op)) throw unexpected(op);
        advance();
        Token target = peek();
        if (target.type() != Type.WORD) {
            throw error("expected a word after '" + op.text() + "'", target);
        }
        advance();
        String hereDoc = op.text().equals("<<") || op.text().equals("<<-") ? lexer.hereDocBody(target.start()) : null;
        return new Redirection(fd, op.text(), target.word(), hereDoc);
    }

    private void expectReserved(String word, Token opener) throws ShellParseException {
        Token t = peek();
        if (!t.isReserved(word)) {
            throw error("expected '" + word + "' (for '" + describe(opener) + "' at " + position(opener)
                    + "), found " + describe(t), t);
        }
        advance();
    }

    private void expectOperator(String op, Token opener) throws ShellParseException {
        Token t = peek();
        if (!t.isOperator(op)) {
            throw error("expected '" + op + "' (for '" + describe(opener) + "' at " + position(opener)
                    + "), found " + describe(t), t);
        }
        advance();
    }

    private String position(Token t) {
        ShellParseException e = ShellLexer.errorAt(lexer.source(), "", t.start());
        return e.line() + ":" + e.column();
    }

    private static String describe(Token t) {
        return switch (t.type()) {
            case EOF -> "end of input";
            case NEWLINE -> "newline";
            default -> "'" + t.text() + "'";
        };
    }

    private ShellParseException unexpected(Token t) {
        return error("unexpected " + describe(t), t);
    }

    private ShellParseException error(String problem, Token t) {
        return ShellLexer.errorAt(lexer.source(), problem, t.start());
    }

    static boolean isReservedWord(String s) {
        return RESERVED.contains(s);
    }
}
