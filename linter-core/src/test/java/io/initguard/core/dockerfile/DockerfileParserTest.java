package io.initguard.core.dockerfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerfileParserTest {

    static Dockerfile parse(String content) throws DockerfileSyntaxException {
        return DockerfileParser.parse("Dockerfile", content);
    }

    static DockerfileSyntaxException fail(String content) {
        return assertThrows(DockerfileSyntaxException.class, () -> parse(content));
    }

    static Instruction only(String content) throws DockerfileSyntaxException {
        List<Instruction> all = parse(content).instructions();
        return all.get(all.size() - 1);
    }

    // ---- parser directives ----------------------------------------------------------------------------------------

    @Test
    void directivesAtTopAreRecordedCaseInsensitively() throws Exception {
        Dockerfile df = parse("# syntax=docker/dockerfile:1\n#  ESCAPE = `\n# Check=skip=all\nFROM alpine\n");
        assertEquals(List.of(new ParserDirective("syntax", "docker/dockerfile:1", 1),
                new ParserDirective("escape", "`", 2), new ParserDirective("check", "skip=all", 3)), df.directives());
        assertEquals('`', df.escape());
        assertTrue(df.comments().isEmpty());
        assertEquals("docker/dockerfile:1", df.directive("SYNTAX").orElseThrow().value());
    }

    @Test
    void directiveAfterInstructionIsAComment() throws Exception {
        Dockerfile df = parse("FROM alpine\n# escape=`\nRUN echo a \\\n b\n");
        assertTrue(df.directives().isEmpty());
        assertEquals('\\', df.escape());
        assertEquals(List.of(new Comment(2, "escape=`")), df.comments());
        assertEquals("echo a  b", df.instructions().get(1).text());
    }

    @Test
    void directiveAfterBlankLineOrCommentIsAComment() throws Exception {
        Dockerfile df = parse("\n# escape=`\nFROM alpine\n");
        assertTrue(df.directives().isEmpty());
        assertEquals('\\', df.escape());
        Dockerfile df2 = parse("# hello\n# syntax=x\nFROM alpine\n");
        assertTrue(df2.directives().isEmpty());
        assertEquals(List.of(new Comment(1, "hello"), new Comment(2, "syntax=x")), df2.comments());
    }

    @Test
    void unknownDirectiveEndsDirectives() throws Exception {
        Dockerfile df = parse("# foo=bar\n# escape=`\nFROM alpine\n");
        assertTrue(df.directives().isEmpty());
        assertEquals(2, df.comments().size());
    }

    @Test
    void invalidEscapeIsAnError() {
        DockerfileSyntaxException e = fail("# syntax=x\n# escape=a\nFROM alpine\n");
        assertEquals("Dockerfile:2:1: invalid escape token 'a' does not match ` or \\", e.getMessage());
    }

    @Test
    void repeatedDirectiveIsAnError() {
        DockerfileSyntaxException e = fail("# escape=`\n  # Escape=\\\nFROM alpine\n");
        assertEquals(2, e.location().line());
        assertEquals(3, e.location().column());
        assertEquals("only one escape parser directive can be used", e.reason());
    }

    // ---- continuations --------------------------------------------------------------------------------------------

    @Test
    void backtickContinuation() throws Exception {
        Dockerfile df = parse("# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n    c:\\ `\n    /b\n");
        Instruction run = df.instructions().get(1);
        assertEquals("dir     c:\\     /b", run.text());
        assertEquals(3, run.line());
        assertEquals(5, run.endLine());
    }

    @Test
    void backslashIsLiteralWithBacktickEscape() throws Exception {
        Dockerfile df = parse("# escape=`\nFROM a\nCOPY x c:\\\nRUN y\n");
        assertEquals("x c:\\", df.instructions().get(1).text());
        assertEquals(3, df.instructions().size());
    }

    @Test
    void commentsAndBlankLinesInsideContinuationAreSkippedAndRecorded() throws Exception {
        Dockerfile df = parse("FROM alpine\nRUN apk add \\\n    # the shell\n\n   \n    bash \\\n  && echo\n");
        Instruction run = df.instructions().get(1);
        assertEquals("apk add     bash   && echo", run.text());
        assertEquals(2, run.line());
        assertEquals(7, run.endLine());
        assertEquals(List.of(new Comment(3, "the shell")), df.comments());
    }

    @Test
    void trailingWhitespaceAfterEscapeStillContinues() throws Exception {
        Instruction run = only("FROM a\nRUN a \\ \t \n b\n");
        assertEquals("a  b", run.text());
        assertEquals(3, run.endLine());
    }

    @Test
    void escapedEscapeDoesNotContinue() throws Exception {
        Dockerfile df = parse("FROM a\nRUN echo \\\\\nRUN b\n");
        assertEquals(3, df.instructions().size());
        assertEquals("echo \\\\", df.instructions().get(1).text());
    }

    @Test
    void continuationAtEndOfFile() throws Exception {
        Instruction run = only("FROM a\nRUN a \\");
        assertEquals("a", run.text());
        assertEquals(2, run.endLine());
    }

    // ---- lexical details ------------------------------------------------------------------------------------------

    @Test
    void lowercaseKeywordsLeadingWhitespaceCrlfAndBom() throws Exception {
        Dockerfile df = parse("\uFEFF# syntax=docker/dockerfile:1\r\nfrom alpine AS Build\r\n   run echo hi \\\r\n  there\r\n");
        assertEquals("docker/dockerfile:1", df.directives().get(0).value());
        Instruction from = df.instructions().get(0);
        assertEquals("FROM", from.keyword());
        assertEquals("alpine AS Build", from.text());
        Instruction run = df.instructions().get(1);
        assertEquals("RUN", run.keyword());
        assertEquals(3, run.location().line());
        assertEquals(4, run.location().column());
        assertEquals("echo hi   there", run.text());
        assertEquals(4, run.endLine());
        assertEquals("build", df.stages().get(0).name());
    }

    @Test
    void commentsAreRecordedWithLineAndTrimmedText() throws Exception {
        Dockerfile df = parse("FROM a\n  #   initguard ignore=IG101  \nCMD [\"x\"]\n");
        assertEquals(List.of(new Comment(2, "initguard ignore=IG101")), df.comments());
    }

    // ---- exec vs shell form ---------------------------------------------------------------------------------------

    @Test
    void execForm() throws Exception {
        Instruction cmd = only("FROM a\nCMD [ \"tini\", \"--\", \"app\" ]\n");
        assertEquals(Form.EXEC, cmd.form());
        assertEquals(List.of("tini", "--", "app"), cmd.execArgs());
        assertFalse(cmd.invalidJson());
    }

    @Test
    void shellForm() throws Exception {
        Instruction cmd = only("FROM a\nENTRYPOINT /app --flag\n");
        assertEquals(Form.SHELL, cmd.form());
        assertTrue(cmd.execArgs().isEmpty());
        assertFalse(cmd.invalidJson());
        assertEquals("/app --flag", cmd.text());
    }

    @Test
    void singleQuotedJsonFallsBackToShellForm() throws Exception {
        Instruction cmd = only("FROM a\nCMD ['app', 'run']\n");
        assertEquals(Form.SHELL, cmd.form());
        assertTrue(cmd.invalidJson());
        assertEquals("['app', 'run']", cmd.text());
    }

    @Test
    void nonStringArrayIsShellForm() throws Exception {
        Instruction cmd = only("FROM a\nCMD [1,2]\n");
        assertEquals(Form.SHELL, cmd.form());
        assertTrue(cmd.invalidJson());
        assertTrue(cmd.execArgs().isEmpty());
    }

    @Test
    void execFormOnlyForExecCapableInstructions() throws Exception {
        Dockerfile df = parse("FROM a\nLABEL [\"x\"]\nVOLUME [\"/data\"]\nCOPY [\"a b\", \"/c\"]\nADD [\"x\", \"/y\"]\n"
                + "RUN [\"sh\", \"-c\", \"true\"]\n");
        assertEquals(Form.SHELL, df.instructions().get(1).form());
        assertTrue(df.instructions().get(1).execArgs().isEmpty());
        assertFalse(df.instructions().get(1).invalidJson());
        for (int i = 2; i <= 5; i++) assertEquals(Form.EXEC, df.instructions().get(i).form(), "instruction " + i);
        assertEquals(List.of("a b", "/c"), df.instructions().get(3).execArgs());
    }

    @Test
    void jsonAfterFlagsAndWithContinuation() throws Exception {
        Instruction copy = only("FROM a\nCOPY --chown=1:1 [\"a\", \\\n  \"/b\"]\n");
        assertEquals(Form.EXEC, copy.form());
        assertEquals(List.of("a", "/b"), copy.execArgs());
        assertEquals("1:1", copy.flag("chown").orElseThrow().value());
    }

    @Test
    void healthcheckCmdExecForm() throws Exception {
        Dockerfile df = parse("FROM a\nHEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"http://x\"]\nHEALTHCHECK NONE\n");
        Instruction hc = df.instructions().get(1);
        assertEquals(Form.EXEC, hc.form());
        assertEquals(List.of("curl", "-f", "http://x"), hc.execArgs());
        assertEquals("CMD [\"curl\", \"-f\", \"http://x\"]", hc.text());
        assertEquals("5s", hc.flag("interval").orElseThrow().value());
        assertEquals(Form.SHELL, df.instructions().get(2).form());
        assertEquals("NONE", df.instructions().get(2).text());
    }

    @Test
    void textAfterTheJsonArrayIsIgnoredLikeGoJsonDecoder() throws Exception {
        // BuildKit decodes one JSON value with json.Decoder and ignores what follows it
        Instruction cmd = only("FROM a\nCMD [\"app\"] --ignored\n");
        assertEquals(Form.EXEC, cmd.form());
        assertEquals(List.of("app"), cmd.execArgs());
        assertEquals("[\"app\"] --ignored", cmd.text());
    }

    @Test
    void jsonSyntaxErrorsFallBackToShellForm() throws Exception {
        for (String args : List.of("[\"a\",]", "[\"a\"", "[a]", "[\"a\", null]", "[[\"a\"]]", "[\"a\", {}]")) {
            Instruction run = only("FROM a\nRUN " + args + "\n");
            assertEquals(Form.SHELL, run.form(), args);
            assertTrue(run.invalidJson(), args);
        }
    }

    @Test
    void emptyJsonArrayIsExecForm() throws Exception {
        Instruction cmd = only("FROM a\nCMD []\n");
        assertEquals(Form.EXEC, cmd.form());
        assertTrue(cmd.execArgs().isEmpty());
    }

    // ---- flags ----------------------------------------------------------------------------------------------------

    @Test
    void flagsWithLocations() throws Exception {
        Dockerfile df = parse("FROM --platform=$BUILDPLATFORM golang AS build\n"
                + "FROM alpine\nCOPY --from=build --chmod=755 --link /out /app\n"
                + "RUN --mount=type=cache,target=/root/.cache \\\n    --network=none make\n");
        Instruction from = df.instructions().get(0);
        assertEquals(List.of(new Flag("platform", "$BUILDPLATFORM", new io.initguard.core.model.Location("Dockerfile", 1, 6))),
                from.flags());
        assertEquals("golang AS build", from.text());
        Stage build = df.stages().get(0);
        assertEquals("$BUILDPLATFORM", build.platform());
        assertEquals("golang", build.base());
        assertEquals("build", build.name());

        Instruction copy = df.instructions().get(2);
        assertEquals(3, copy.flags().size());
        assertEquals("build", copy.flag("from").orElseThrow().value());
        assertEquals("755", copy.flag("chmod").orElseThrow().value());
        assertNull(copy.flag("link").orElseThrow().value());
        assertEquals(31, copy.flag("link").orElseThrow().location().column());
        assertEquals("/out /app", copy.text());

        Instruction run = df.instructions().get(3);
        assertEquals("type=cache,target=/root/.cache", run.flag("mount").orElseThrow().value());
        assertEquals(5, run.flag("network").orElseThrow().location().line());
        assertEquals(5, run.flag("network").orElseThrow().location().column());
        assertEquals("make", run.text());
    }

    @Test
    void quotedFlagValueAndDoubleDashEndsFlags() throws Exception {
        Dockerfile df = parse("FROM a\nRUN --mount=type=secret,id=\"my id\" cat /x\nRUN -- --not-a-flag\n");
        assertEquals("type=secret,id=my id", df.instructions().get(1).flag("mount").orElseThrow().value());
        assertEquals("cat /x", df.instructions().get(1).text());
        assertTrue(df.instructions().get(2).flags().isEmpty());
        assertEquals("--not-a-flag", df.instructions().get(2).text());
    }

    // ---- heredocs -------------------------------------------------------------------------------------------------

    @Test
    void simpleHeredoc() throws Exception {
        Instruction run = only("FROM a\nRUN <<EOF\necho $HOME\n  echo b\nEOF\n");
        assertEquals("<<EOF", run.text());
        assertEquals(List.of(new Heredoc("EOF", false, false, "echo $HOME\n  echo b\n", 3)), run.heredocs());
        assertEquals(2, run.line());
        assertEquals(5, run.endLine());
        assertEquals(Form.SHELL, run.form());
    }

    @Test
    void dashHeredocStripsTabsAndAcceptsIndentedDelimiter() throws Exception {
        Dockerfile df = parse("FROM a\nRUN <<-EOT bash\n\t\techo a\n\t  echo b\n\tEOT\nCMD x\n");
        Instruction run = df.instructions().get(1);
        assertEquals(6, df.instructions().get(2).line());
        Heredoc h = run.heredocs().get(0);
        assertTrue(h.stripTabs());
        assertEquals("echo a\n  echo b\n", h.content());
        assertEquals("<<-EOT bash", run.text());
        assertEquals(5, run.endLine());
    }

    @Test
    void tabIndentedDelimiterDoesNotEndPlainHeredoc() throws Exception {
        Instruction run = only("FROM a\nRUN <<EOF\n\tEOF\nEOF\n");
        assertEquals("\tEOF\n", run.heredocs().get(0).content());
    }

    @Test
    void quotedDelimitersMeanNoExpansion() throws Exception {
        Dockerfile df = parse("FROM a\nRUN <<\"EOF\"\necho $A\nEOF\nRUN <<'X'\nb\nX\nRUN <<E\"O\"F\nc\nEOF\n");
        assertEquals(new Heredoc("EOF", true, false, "echo $A\n", 3), df.instructions().get(1).heredocs().get(0));
        assertEquals(new Heredoc("X", true, false, "b\n", 6), df.instructions().get(2).heredocs().get(0));
        assertEquals(new Heredoc("EOF", true, false, "c\n", 9), df.instructions().get(3).heredocs().get(0));
    }

    @Test
    void severalHeredocsPerInstruction() throws Exception {
        Instruction run = only("FROM a\nRUN <<A <<-B bash\nfirst\nA\n\tsecond\n\tB\n");
        assertEquals(List.of(new Heredoc("A", false, false, "first\n", 3), new Heredoc("B", false, true, "second\n", 5)),
                run.heredocs());
        assertEquals(6, run.endLine());
    }

    @Test
    void copyHeredocWithFileDescriptorAndPath() throws Exception {
        Dockerfile df = parse("FROM a\nCOPY <<EOT /etc/app.conf\nkey=value\nEOT\nRUN 3<<X cat /dev/fd/3\nx\nX\n");
        Instruction copy = df.instructions().get(1);
        assertEquals("<<EOT /etc/app.conf", copy.text());
        assertEquals("key=value\n", copy.heredocs().get(0).content());
        assertEquals("X", df.instructions().get(2).heredocs().get(0).delimiter());
    }

    @Test
    void heredocBodyLinesThatLookLikeCommentsOrInstructionsAreBody() throws Exception {
        Dockerfile df = parse("FROM a\nRUN <<EOF\n# not a comment\nFROM b\nEOF\n");
        assertEquals(2, df.instructions().size());
        assertTrue(df.comments().isEmpty());
        assertEquals("# not a comment\nFROM b\n", df.instructions().get(1).heredocs().get(0).content());
    }

    @Test
    void heredocsOnlyForRunCopyAddAndNotInExecForm() throws Exception {
        Dockerfile df = parse("FROM a\nCMD cat <<EOF\nRUN [\"cat\", \"<<EOF\"]\nRUN x\n");
        assertEquals(4, df.instructions().size());
        assertTrue(df.instructions().get(1).heredocs().isEmpty());
        assertTrue(df.instructions().get(2).heredocs().isEmpty());
    }

    @Test
    void heredocWithCrlf() throws Exception {
        Instruction run = only("FROM a\r\nRUN <<EOF\r\necho a\r\nEOF\r\n");
        assertEquals("echo a\n", run.heredocs().get(0).content());
    }

    @Test
    void unterminatedHeredocIsAnErrorAtItsStart() {
        DockerfileSyntaxException e = fail("FROM a\nRUN echo <<EOF\nline\n");
        assertEquals("Dockerfile:2:10: unterminated heredoc", e.getMessage());
        DockerfileSyntaxException second = fail("FROM a\nRUN <<A <<B\na\nA\nb\n");
        assertEquals(2, second.location().line());
        assertEquals(9, second.location().column());
    }

    // ---- FROM, ARG, stages ----------------------------------------------------------------------------------------

    @Test
    void argBeforeFromAndStages() throws Exception {
        Dockerfile df = parse("ARG VERSION=3.20\nARG BASE\nFROM alpine:${VERSION} as builder\nRUN make\n"
                + "FROM scratch\nCOPY --from=builder /app /app\nENTRYPOINT [\"/app\"]\n");
        assertEquals(2, df.globalArgs().size());
        List<Stage> stages = df.stages();
        assertEquals(2, stages.size());
        assertEquals("builder", stages.get(0).name());
        assertEquals("alpine:${VERSION}", stages.get(0).base());
        assertEquals(1, stages.get(0).body().size());
        assertEquals("scratch", stages.get(1).base());
        assertNull(stages.get(1).name());
        assertEquals(2, stages.get(1).body().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FROM|FROM requires either one or three arguments",
            "FROM a b|FROM requires either one or three arguments",
            "FROM a IS b|FROM requires either one or three arguments",
            "FROM a AS 1x|invalid name for build stage: \"1x\", name can't start with a number or contain symbols",
    })
    void badFrom(String line, String reason) {
        DockerfileSyntaxException e = fail("ARG X\n  " + line + "\n");
        assertEquals(reason, e.reason());
        assertEquals(2, e.location().line());
        assertEquals(3, e.location().column());
    }

    @Test
    void instructionBeforeFromIsAnError() {
        DockerfileSyntaxException e = fail("ARG A\nENV B=c\nFROM alpine\n");
        assertEquals("Dockerfile:2:1: no build stage in current context", e.getMessage());
    }

    @Test
    void unknownInstructionIsAnError() {
        DockerfileSyntaxException e = fail("FROM a\n\n    Foo bar\n");
        assertEquals("Dockerfile:3:5: unknown instruction: Foo", e.getMessage());
    }

    @Test
    void unknownInstructionIsReportedBeforeMissingStage() {
        assertEquals("unknown instruction: RUNN", fail("RUNN x\n").reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'# only a comment\n'", "'\n\n   \n'", "'# syntax=x\n'"})
    void fileWithNoInstructionsIsAnError(String content) {
        assertEquals("file with no instructions", fail(content).reason());
    }

    // ---- ONBUILD, SHELL, STOPSIGNAL and friends -------------------------------------------------------------------

    @Test
    void onbuildHoldsItsTrigger() throws Exception {
        Instruction onbuild = only("FROM a\nONBUILD  run --mount=type=cache,target=/c [\"make\", \"all\"]\n");
        assertEquals("ONBUILD", onbuild.keyword());
        assertEquals("run --mount=type=cache,target=/c [\"make\", \"all\"]", onbuild.text());
        Instruction trigger = onbuild.trigger();
        assertEquals("RUN", trigger.keyword());
        assertEquals(10, trigger.location().column());
        assertEquals(Form.EXEC, trigger.form());
        assertEquals(List.of("make", "all"), trigger.execArgs());
        assertEquals("type=cache,target=/c", trigger.flag("mount").orElseThrow().value());
        assertNull(trigger.trigger());
    }

    @Test
    void onbuildTriggerOnContinuationLineKeepsItsLocation() throws Exception {
        Instruction onbuild = only("FROM a\nONBUILD \\\n   CMD [\"x\"]\n");
        assertEquals(2, onbuild.line());
        assertEquals(3, onbuild.trigger().location().line());
        assertEquals(4, onbuild.trigger().location().column());
        assertEquals(List.of("x"), onbuild.trigger().execArgs());
    }

    @Test
    void onbuildWithHeredoc() throws Exception {
        Instruction onbuild = only("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\n");
        assertEquals("echo hi\n", onbuild.trigger().heredocs().get(0).content());
        assertEquals(4, onbuild.endLine());
        assertEquals(4, onbuild.trigger().endLine());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ONBUILD ONBUILD RUN x|9|Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
            "ONBUILD from alpine|9|FROM isn't allowed as an ONBUILD trigger",
            "ONBUILD MAINTAINER me|9|MAINTAINER isn't allowed as an ONBUILD trigger",
            "ONBUILD|1|ONBUILD requires at least one argument",
            "ONBUILD BOGUS x|9|unknown instruction: BOGUS",
            "ONBUILD SHELL /bin/sh|9|SHELL requires the arguments to be in JSON form",
    })
    void badOnbuild(String line, int column, String reason) {
        DockerfileSyntaxException e = fail("FROM a\n" + line + "\n");
        assertEquals(reason, e.reason());
        assertEquals(2, e.location().line());
        assertEquals(column, e.location().column());
    }

    @Test
    void shellMustBeJson() throws Exception {
        Instruction shell = only("FROM a\nSHELL [\"powershell\", \"-Command\"]\n");
        assertEquals(List.of("powershell", "-Command"), shell.execArgs());
        assertEquals("Dockerfile:2:1: SHELL requires the arguments to be in JSON form",
                fail("FROM a\nSHELL /bin/bash -c\n").getMessage());
        assertEquals("SHELL requires the arguments to be in JSON form", fail("FROM a\nSHELL ['/bin/sh']\n").reason());
        assertEquals("SHELL requires at least one argument", fail("FROM a\nSHELL []\n").reason());
    }

    @Test
    void otherInstructionsKeepTheirText() throws Exception {
        Dockerfile df = parse("FROM a\nSTOPSIGNAL SIGTERM\nMAINTAINER Me <me@x>\nLABEL a=b \"c d\"=e\nENV A=1 B=\"2 3\"\n"
                + "EXPOSE 80/tcp 443\nUSER app:app\nWORKDIR /srv\nARG N=1\nVOLUME /data /logs\n");
        List<String> kw = df.instructions().stream().map(Instruction::keyword).toList();
        assertEquals(List.of("FROM", "STOPSIGNAL", "MAINTAINER", "LABEL", "ENV", "EXPOSE", "USER", "WORKDIR", "ARG",
                "VOLUME"), kw);
        assertEquals("SIGTERM", df.instructions().get(1).text());
        assertEquals("Me <me@x>", df.instructions().get(2).text());
        assertEquals("A=1 B=\"2 3\"", df.instructions().get(4).text());
        assertEquals(Form.SHELL, df.instructions().get(1).form());
        assertEquals(Form.SHELL, df.instructions().get(9).form());
        for (int i = 0; i < kw.size(); i++) {
            assertEquals(i + 1, df.instructions().get(i).line());
            assertEquals(i + 1, df.instructions().get(i).endLine());
        }
    }
}
