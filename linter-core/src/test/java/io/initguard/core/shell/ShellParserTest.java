package io.initguard.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initguard.core.shell.Command.AndOr;
import io.initguard.core.shell.Command.Background;
import io.initguard.core.shell.Command.BraceGroup;
import io.initguard.core.shell.Command.CaseClause;
import io.initguard.core.shell.Command.ForLoop;
import io.initguard.core.shell.Command.FunctionDef;
import io.initguard.core.shell.Command.IfClause;
import io.initguard.core.shell.Command.Pipeline;
import io.initguard.core.shell.Command.SimpleCommand;
import io.initguard.core.shell.Command.Subshell;
import io.initguard.core.shell.Command.WhileLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    private static List<Command> parse(String s) throws ShellParseException {
        return ShellParser.parse(s).commands();
    }

    private static SimpleCommand simple(String s) throws ShellParseException {
        List<Command> cmds = parse(s);
        assertEquals(1, cmds.size());
        return assertInstanceOf(SimpleCommand.class, cmds.getFirst());
    }

    private static List<String> values(SimpleCommand c) {
        return c.words().stream().map(Word::value).toList();
    }

    @Test
    void plainWords() throws Exception {
        assertEquals(List.of("node", "server.js", "--port=80"), values(simple("  node   server.js\t--port=80 ")));
    }

    @Test
    void singleAndDoubleQuotesAndBackslashes() throws Exception {
        SimpleCommand c = simple("echo 'a b' \"c d\" e\\ f 'x'\"y\"z \"q\\\"r\" \"s\\nt\"");
        assertEquals(List.of("echo", "a b", "c d", "e f", "xyz", "q\"r", "s\\nt"), values(c));
        assertTrue(c.words().get(1).quoted());
        assertFalse(c.words().getFirst().quoted());
        assertFalse(c.words().get(1).hasExpansion());
    }

    @Test
    void expansionsStayUnexpanded() throws Exception {
        SimpleCommand c = simple("run $HOME ${X:-a b} \"$(id -u)\" `date` $1 '$NOT' $((1+2)) a$");
        assertEquals(List.of("run", "$HOME", "${X:-a b}", "$(id -u)", "`date`", "$1", "$NOT", "$((1+2))", "a$"),
                values(c));
        List<Word> w = c.words();
        assertTrue(w.get(1).hasExpansion());
        assertTrue(w.get(2).hasExpansion());
        assertTrue(w.get(3).hasCommandSubstitution());
        assertTrue(w.get(4).hasCommandSubstitution());
        assertFalse(w.get(6).hasExpansion(), "single-quoted $ is literal");
        assertFalse(w.get(8).hasExpansion(), "a trailing $ is literal");
    }

    @Test
    void nestedCommandSubstitutionWithQuotesAndParens() throws Exception {
        SimpleCommand c = simple("echo \"$(basename \"$(pwd)\" | tr ')' x)\" done");
        assertEquals(List.of("echo", "$(basename \"$(pwd)\" | tr ')' x)", "done"), values(c));
    }

    @Test
    void allArgsAndArg0Markers() throws Exception {
        SimpleCommand c = simple("exec \"$@\" $@ \"${@}\" \"$0\" $0 \"$*\" \"x$@\"");
        List<Word> w = c.words();
        assertTrue(w.get(1).isAllArgs());
        assertTrue(w.get(2).isAllArgs());
        assertTrue(w.get(3).isAllArgs());
        assertTrue(w.get(4).isArg0());
        assertTrue(w.get(5).isArg0());
        assertFalse(w.get(6).isAllArgs());
        assertFalse(w.get(7).isAllArgs());
        assertEquals(Word.ALL_ARGS, w.get(1).argvText());
    }

    @Test
    void commentsAndNewlines() throws Exception {
        List<Command> cmds = parse("# header\na # trailing comment\n\nb c#notcomment\n  # indented\n");
        assertEquals(2, cmds.size());
        assertEquals(List.of("b", "c#notcomment"), values((SimpleCommand) cmds.get(1)));
    }

    @Test
    void lineContinuation() throws Exception {
        assertEquals(List.of("a", "b", "c"), values(simple("a \\\n b \\\n c")));
    }

    @Test
    void semicolonsAndAndOr() throws Exception {
        List<Command> cmds = parse("a; b && c || d; e");
        assertEquals(3, cmds.size());
        AndOr or = assertInstanceOf(AndOr.class, cmds.get(1));
        assertEquals(AndOr.Operator.OR, or.operator());
        AndOr and = assertInstanceOf(AndOr.class, or.left());
        assertEquals(AndOr.Operator.AND, and.operator());
        assertEquals("d", ((SimpleCommand) or.right()).name());
    }

    @Test
    void andOrContinuesOnNextLine() throws Exception {
        List<Command> cmds = parse("a &&\n  b");
        assertEquals(1, cmds.size());
        assertInstanceOf(AndOr.class, cmds.getFirst());
    }

    @Test
    void pipelinesNegationAndBackground() throws Exception {
        List<Command> cmds = parse("a | b | c; ! d; e & f");
        Pipeline p = assertInstanceOf(Pipeline.class, cmds.get(0));
        assertEquals(3, p.commands().size());
        assertFalse(p.negated());
        Pipeline n = assertInstanceOf(Pipeline.class, cmds.get(1));
        assertTrue(n.negated());
        assertEquals(1, n.commands().size());
        Background bg = assertInstanceOf(Background.class, cmds.get(2));
        assertEquals("e", ((SimpleCommand) bg.command()).name());
        assertEquals("f", ((SimpleCommand) cmds.get(3)).name());
    }

    @Test
    void redirections() throws Exception {
        SimpleCommand c = simple("cmd >out 2>&1 < in >> log 3<>rw &>all >|clob");
        List<Redirection> r = c.redirections();
        assertEquals(List.of(">", ">&", "<", ">>", "<>", "&>", ">|"), r.stream().map(Redirection::operator).toList());
        assertEquals(2, r.get(1).fd());
        assertEquals("1", r.get(1).target().value());
        assertEquals(3, r.get(4).fd());
        assertEquals(-1, r.get(0).fd());
        assertEquals(List.of("cmd"), values(c));
    }

    @Test
    void digitsNotBeforeRedirectionAreWords() throws Exception {
        assertEquals(List.of("sleep", "2"), values(simple("sleep 2")));
    }

    @Test
    void hereDocuments() throws Exception {
        List<Command> cmds = parse("cat <<EOF >out\nline $X\n  two\nEOF\ncat <<-'END'\n\tindented\n\tEND\necho after\n");
        assertEquals(3, cmds.size());
        Redirection h = ((SimpleCommand) cmds.get(0)).redirections().getFirst();
        assertEquals("<<", h.operator());
        assertEquals("line $X\n  two\n", h.hereDoc());
        assertEquals("indented\n", ((SimpleCommand) cmds.get(1)).redirections().getFirst().hereDoc());
        assertEquals("echo", ((SimpleCommand) cmds.get(2)).name());
    }

    @Test
    void twoHereDocumentsOnOneLine() throws Exception {
        List<Command> cmds = parse("cmd <<A <<B\na\nA\nb\nB\nnext");
        SimpleCommand c = (SimpleCommand) cmds.get(0);
        assertEquals("a\n", c.redirections().get(0).hereDoc());
        assertEquals("b\n", c.redirections().get(1).hereDoc());
        assertEquals("next", ((SimpleCommand) cmds.get(1)).name());
    }

    @Test
    void assignments() throws Exception {
        SimpleCommand c = simple("A=1 B=\"x y\" cmd C=3");
        assertEquals(List.of("A=1", "B=\"x y\""), c.assignments().stream().map(Word::raw).toList());
        assertEquals(List.of("cmd", "C=3"), values(c));
        SimpleCommand only = simple("x=1");
        assertTrue(only.words().isEmpty());
        assertEquals(1, only.assignments().size());
        assertTrue(simple("'A=1' cmd").assignments().isEmpty(), "a quoted name is not an assignment");
        assertTrue(simple("1A=x cmd").assignments().isEmpty());
    }

    @Test
    void ifElifElse() throws Exception {
        IfClause ic = assertInstanceOf(IfClause.class,
                parse("if a; then b; elif c\nthen d; e\nelse f; fi >log").getFirst());
        assertEquals(2, ic.branches().size());
        assertEquals(2, ic.branches().get(1).body().size());
        assertEquals(1, ic.elseBody().size());
        assertEquals(1, ic.redirections().size());
        IfClause noElse = (IfClause) parse("if [ \"$1\" = x ]; then exec y; fi").getFirst();
        assertNull(noElse.elseBody());
    }

    @Test
    void loops() throws Exception {
        List<Command> cmds = parse("for f in /d/*.sh; do . \"$f\"; done\nfor x; do :; done\n"
                + "while true; do sleep 1; done\nuntil a\ndo b\ndone");
        ForLoop f = assertInstanceOf(ForLoop.class, cmds.get(0));
        assertEquals("f", f.variable());
        assertEquals(List.of("/d/*.sh"), f.items().stream().map(Word::value).toList());
        assertNull(((ForLoop) cmds.get(1)).items());
        assertFalse(assertInstanceOf(WhileLoop.class, cmds.get(2)).until());
        assertTrue(assertInstanceOf(WhileLoop.class, cmds.get(3)).until());
    }

    @Test
    void caseClause() throws Exception {
        CaseClause cc = assertInstanceOf(CaseClause.class, parse("case \"$1\" in\n  -*|--*) set -- app \"$@\" ;;\n"
                + "  (web) exec web;;\n  *) ;;\nesac").getFirst());
        assertEquals(3, cc.items().size());
        assertEquals(List.of("-*", "--*"), cc.items().get(0).patterns().stream().map(Word::value).toList());
        assertEquals("web", cc.items().get(1).patterns().getFirst().value());
        assertTrue(cc.items().get(2).body().isEmpty());
        CaseClause lastNoSemis = (CaseClause) parse("case x in a) b\nesac").getFirst();
        assertEquals(1, lastNoSemis.items().getFirst().body().size());
    }

    @Test
    void braceGroupAndSubshell() throws Exception {
        List<Command> cmds = parse("{ a; b; } 2>/dev/null; (cd /x && c)");
        BraceGroup bg = assertInstanceOf(BraceGroup.class, cmds.get(0));
        assertEquals(2, bg.body().size());
        assertEquals(1, bg.redirections().size());
        Subshell s = assertInstanceOf(Subshell.class, cmds.get(1));
        assertInstanceOf(AndOr.class, s.body().getFirst());
    }

    @Test
    void braceWordsInsideWordsAreNotReserved() throws Exception {
        assertEquals(List.of("echo", "{a,b}", "x}"), values(simple("echo {a,b} x}")));
    }

    @Test
    void functionDefinitions() throws Exception {
        List<Command> cmds = parse("f() { a; }\ng ()\n{\n b\n}\nfunction h { c; }\nfunction k() ( d )\nf");
        assertEquals(5, cmds.size());
        FunctionDef f = assertInstanceOf(FunctionDef.class, cmds.get(0));
        assertEquals("f", f.name());
        assertInstanceOf(BraceGroup.class, f.body());
        assertEquals("g", ((FunctionDef) cmds.get(1)).name());
        assertEquals("h", ((FunctionDef) cmds.get(2)).name());
        assertInstanceOf(Subshell.class, ((FunctionDef) cmds.get(3)).body());
    }

    @Test
    void findExecIsAnOrdinaryWord() throws Exception {
        SimpleCommand c = simple("find . \\! -user cache -exec chown cache '{}' +");
        assertEquals(List.of("find", ".", "!", "-user", "cache", "-exec", "chown", "cache", "{}", "+"), values(c));
    }

    @Test
    void trailingInput() throws Exception {
        assertEquals(ShellScript.Trailing.NONE, ShellParser.parse("a # c").trailing());
        assertEquals(ShellScript.Trailing.NONE, ShellParser.parse("a; ").trailing());
        assertEquals(ShellScript.Trailing.NEWLINE, ShellParser.parse("a;\n").trailing());
        assertEquals(ShellScript.Trailing.NEWLINE, ShellParser.parse("a # c\n").trailing());
        assertEquals(ShellScript.Trailing.MORE, ShellParser.parse("a\n# c").trailing());
        assertEquals(ShellScript.Trailing.MORE, ShellParser.parse("a\n\n").trailing());
    }

    @Test
    void errorsCarryLineAndColumn() {
        ShellParseException e = assertThrows(ShellParseException.class, () -> ShellParser.parse("a\nb 'open"));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().startsWith("2:3: unterminated single quote"), e.getMessage());
        assertThrows(ShellParseException.class, () -> ShellParser.parse("echo \"x"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("echo $(x"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("echo `x"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("echo ${x"));
        ShellParseException fi = assertThrows(ShellParseException.class, () -> ShellParser.parse("if a; then\n b\n"));
        assertTrue(fi.getMessage().contains("expected 'fi'"), fi.getMessage());
        assertThrows(ShellParseException.class, () -> ShellParser.parse("a && "));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("a | | b"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("( a"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("a )"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("{ a }"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("done"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("cat <<EOF\nnever closed"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("a >"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("for ((i=0;i<3;i++)); do a; done"));
        assertThrows(ShellParseException.class, () -> ShellParser.parse("case x in a) b;; "));
    }

    @Test
    void bashArraysAndProcessSubstitution() throws Exception {
        List<Command> cmds = parse("opts=()\nopts+=( \"$item\" x )\nwhile read -r i; do :; done < <(printf '%s' \"$A\")");
        SimpleCommand a = (SimpleCommand) cmds.get(0);
        assertEquals("opts=()", a.assignments().getFirst().raw());
        SimpleCommand b = (SimpleCommand) cmds.get(1);
        assertEquals("opts+=(\"$item\" x)", b.assignments().getFirst().raw());
        assertTrue(b.words().isEmpty());
        WhileLoop w = assertInstanceOf(WhileLoop.class, cmds.get(2));
        assertEquals("<(printf '%s' \"$A\")", w.redirections().getFirst().target().value());
    }

    /** Arbitrary fragment soup either parses or gives ShellParseException; the analyzers never throw. */
    @Test
    void neverCrashesOnGarbage() {
        String[] parts = {"a", " ", "\n", ";", ";;", "&", "&&", "|", "||", "(", ")", "{", "}", "'", "\"", "\\",
            "$", "$(", "${", "`", "#", "<<", "EOF", "<", ">", "2>&1", "if", "then", "fi", "for", "in", "do", "done",
            "case", "esac", "while", "!", "exec", "x=", "f()", "\t", "function", "elif", "else", "=(", "<("};
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int i = 0; i < len; i++) sb.append(parts[random.nextInt(parts.length)]);
            String text = sb.toString();
            try {
                ShellParser.parse(text);
            } catch (ShellParseException expected) {
                assertTrue(expected.line() >= 1 && expected.column() >= 1, text);
            } catch (RuntimeException e) {
                throw new AssertionError("crash on: " + text, e);
            }
            try {
                ShellAnalyzer.analyzeCommandString(ShellKind.BASH, text);
                ScriptAnalyzer.analyze(text);
                ShellWords.split(text);
            } catch (ShellParseException expected) {
                // ShellWords: unbalanced quote
            } catch (RuntimeException e) {
                throw new AssertionError("analyzer crash on: " + text, e);
            }
        }
    }

    @Test
    void emptyInputHasNoCommands() throws Exception {
        assertTrue(parse("").isEmpty());
        assertTrue(parse("\n# only a comment\n").isEmpty());
    }
}
