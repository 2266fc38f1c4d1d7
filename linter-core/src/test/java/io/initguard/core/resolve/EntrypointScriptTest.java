package io.initguard.core.resolve;

import io.initguard.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.initguard.core.resolve.DockerfileResolverTest.assertLine;
import static io.initguard.core.resolve.DockerfileResolverTest.assertPid1;
import static io.initguard.core.resolve.ResolverFixture.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entrypoint scripts read from the build context, heredocs and other stages. */
class EntrypointScriptTest {
    static final String EXEC_ALL = "#!/bin/sh\nset -e\necho starting\nexec \"$@\"\n";

    @TempDir
    Path context;

    private Path write(String rel, String text) throws IOException {
        Path p = context.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void copiedFileThatExecsItsArguments() throws IOException {
        write("entrypoint.sh", EXEC_ALL);
        Resolution r = resolve("""
                FROM debian
                COPY entrypoint.sh /usr/local/bin/
                ENTRYPOINT ["entrypoint.sh"]
                CMD ["python", "app.py"]
                """, context);
        assertPid1(r, Verdict.NO_INIT, null, "python");
        assertLine(r, "the script entrypoint.sh (build context entrypoint.sh) execs [\"python\", \"app.py\"]");
    }

    @Test
    void aSourceOutsideTheBuildContextIsNeverRead() throws IOException {
        // A script beside the context (not in it) that would make tini PID 1 if it were read.
        write("outside.sh", "#!/bin/sh\nexec tini -- \"$@\"\n");
        Path inner = Files.createDirectories(context.resolve("ctx"));
        Resolution r = resolve("FROM debian\nCOPY ../outside.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n"
                + "CMD [\"app\"]\n", inner);
        assertPid1(r, Verdict.UNKNOWN, null, null);
        assertLine(r, "outside the build context");
    }

    @Test
    void copyFromAStageIndexThatDoesNotExistIsAnImageNotACrash() {
        Resolution r = resolve("FROM alpine AS a\nFROM alpine\nCOPY --from=7 /x /y\nCMD [\"/y\"]\n", context);
        assertPid1(r, Verdict.NO_INIT, null, "y");
    }

    @Test
    void copiedFolder() throws IOException {
        write("scripts/start.sh", "#!/bin/sh\nexec tini -- \"$@\"\n");
        Resolution r = resolve("FROM debian\nCOPY scripts/ /opt/scripts/\nENTRYPOINT [\"/opt/scripts/start.sh\"]\n"
                + "CMD [\"app\"]\n", context);
        assertPid1(r, Verdict.INIT, "tini", "tini");
        assertLine(r, "supervising [\"app\"]");
    }

    @Test
    void copyDotDotWithWorkdirAndARelativeEntrypoint() throws IOException {
        write("entrypoint.sh", EXEC_ALL);
        write("app.py", "print('hi')\n");
        Resolution r = resolve("""
                FROM python:3.12-slim
                WORKDIR /app
                COPY . .
                ENTRYPOINT ["./entrypoint.sh"]
                CMD ["python", "app.py"]
                """, context);
        assertPid1(r, Verdict.NO_INIT, null, "python");
    }

    @Test
    void copyWithAGlob() throws IOException {
        write("bin/run.sh", "#!/bin/bash\nexec gosu app \"$@\"\n");
        write("bin/other.sh", "#!/bin/sh\nexit 1\n");
        Resolution r = resolve("FROM debian\nCOPY bin/*.sh /usr/local/bin/\nENTRYPOINT [\"run.sh\"]\n"
                + "CMD [\"node\", \"server.js\"]\n", context);
        assertPid1(r, Verdict.NO_INIT, null, "node");
        assertLine(r, "gosu drops privileges and execs [\"node\", \"server.js\"]");
    }

    @Test
    void globThatDoesNotMatchTheEntrypointLeavesItUnknownToTheResolver() throws IOException {
        write("bin/run.sh", EXEC_ALL);
        Resolution r = resolve("FROM debian\nCOPY bin/*.py /usr/local/bin/\nENTRYPOINT [\"run.sh\"]\n", context);
        // run.sh is not in the image as far as the resolver knows: it is just a program named run.sh.
        assertPid1(r, Verdict.NO_INIT, null, "run.sh");
    }

    @Test
    void execGosuAndSuExec() throws IOException {
        write("gosu.sh", "#!/bin/sh\nchown -R app /data\nexec gosu app \"$@\"\n");
        write("suexec.sh", "#!/bin/sh\nexec su-exec app:app \"$@\"\n");
        assertPid1(resolve("FROM debian\nCOPY gosu.sh /e.sh\nENTRYPOINT [\"/e.sh\"]\nCMD [\"redis-server\"]\n",
                context), Verdict.NO_INIT, null, "redis-server");
        assertPid1(resolve("FROM alpine\nCOPY suexec.sh /e.sh\nENTRYPOINT [\"/e.sh\"]\nCMD [\"tini\", \"--\", \"x\"]\n",
                context), Verdict.INIT, "tini", "tini");
    }

    @Test
    void shebangWithAnInit() throws IOException {
        write("entrypoint.sh", "#!/usr/bin/dumb-init /bin/sh\nset -e\npython app.py\n");
        Resolution r = resolve("FROM debian\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\n", context);
        assertPid1(r, Verdict.INIT, "dumb-init", "dumb-init");
        assertTrue(r.all(Observation.ScriptWithoutExec.class).isEmpty());
    }

    @Test
    void scriptWithoutExecStaysPid1() throws IOException {
        write("entrypoint.sh", "#!/bin/sh\nset -e\nmigrate\n\"$@\"\n");
        Resolution r = resolve("FROM debian\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\n"
                + "CMD [\"python\", \"app.py\"]\n", context);
        assertPid1(r, Verdict.NO_INIT, null, "entrypoint.sh");
        Observation.ScriptWithoutExec s = r.all(Observation.ScriptWithoutExec.class).getFirst();
        assertEquals("entrypoint.sh", s.script());
        assertEquals("[\"python\", \"app.py\"]", s.command());
        assertEquals(3, s.location().line());
    }

    @Test
    void scriptRunningAnInitWithoutExec() throws IOException {
        write("entrypoint.sh", "#!/bin/sh\ntini -- \"$@\"\n");
        Resolution r = resolve("FROM debian\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\nCMD [\"app\"]\n",
                context);
        assertPid1(r, Verdict.NO_INIT, null, "entrypoint.sh");
        assertEquals(List.of("tini"), r.all(Observation.InitNotPid1.class).stream().map(Observation.InitNotPid1::init)
                .toList());
    }

    @Test
    void execDollarAtWithNoArgumentsLeavesTheScriptAsPid1() throws IOException {
        write("entrypoint.sh", EXEC_ALL);
        Resolution r = resolve("FROM debian\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\n", context);
        assertPid1(r, Verdict.NO_INIT, null, "entrypoint.sh");
    }

    @Test
    void scriptRunBySh() throws IOException {
        write("start.sh", "echo no shebang\nexec \"$@\"\n");
        Resolution r = resolve("FROM alpine\nCOPY start.sh /start.sh\nENTRYPOINT [\"sh\", \"/start.sh\"]\n"
                + "CMD [\"tini\", \"--\", \"app\"]\n", context);
        // Without a shebang the file is opaque to the resolver (a script needs #! to run on its own).
        assertPid1(r, Verdict.UNKNOWN, null, null);
        write("start2.sh", "#!/bin/sh\nexec \"$@\"\n");
        Resolution r2 = resolve("FROM alpine\nCOPY start2.sh /start.sh\nENTRYPOINT [\"sh\", \"/start.sh\"]\n"
                + "CMD [\"tini\", \"--\", \"app\"]\n", context);
        assertPid1(r2, Verdict.INIT, "tini", "tini");
    }

    @Test
    void missingScriptIsUnknownButAMissingBinaryIsTheProgram() {
        Resolution script = resolve("FROM debian\nCOPY docker-entrypoint.sh /\nENTRYPOINT [\"/docker-entrypoint.sh\"]\n",
                context);
        assertPid1(script, Verdict.UNKNOWN, null, null);
        assertLine(script, "no such file in the build context");
        Resolution binary = resolve("FROM debian\nCOPY target/server /usr/local/bin/\nENTRYPOINT [\"server\"]\n",
                context);
        assertPid1(binary, Verdict.NO_INIT, null, "server");
    }

    @Test
    void noBuildContextFromStdin() {
        Resolution r = resolve("FROM debian\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\n", null);
        assertPid1(r, Verdict.UNKNOWN, null, null);
        assertLine(r, "no build context");
    }

    @Test
    void heredocWithQuotedDelimiterKeepsDollarAt() {
        Resolution r = resolve("""
                # syntax=docker/dockerfile:1
                FROM debian
                COPY --chmod=755 <<'EOF' /entrypoint.sh
                #!/bin/sh
                exec tini -- "$@"
                EOF
                ENTRYPOINT ["/entrypoint.sh"]
                CMD ["app"]
                """);
        assertPid1(r, Verdict.INIT, "tini", "tini");
        assertLine(r, "heredoc at line 4");
    }

    @Test
    void heredocWithUnquotedDelimiterAndEscapedDollarAt() {
        Resolution r = resolve("""
                # syntax=docker/dockerfile:1
                FROM debian
                COPY <<EOF /usr/local/bin/entrypoint.sh
                #!/bin/sh
                exec gosu app \\$@
                EOF
                ENTRYPOINT ["entrypoint.sh"]
                CMD ["python", "app.py"]
                """);
        assertPid1(r, Verdict.NO_INIT, null, "python");
    }

    @Test
    void heredocIntoAFolderIsNamedByItsDelimiter() {
        Resolution r = resolve("""
                FROM debian
                COPY <<start.sh /opt/
                #!/bin/sh
                exec "$@"
                start.sh
                ENTRYPOINT ["/opt/start.sh", "tini", "--", "app"]
                """);
        assertPid1(r, Verdict.INIT, "tini", "tini");
    }

    @Test
    void scriptCopiedFromAnotherStage() throws IOException {
        write("entrypoint.sh", "#!/bin/sh\nexec su-exec app \"$@\"\n");
        Resolution r = resolve("""
                FROM alpine AS build
                COPY entrypoint.sh /src/entrypoint.sh
                FROM alpine
                COPY --from=build /src/entrypoint.sh /entrypoint.sh
                ENTRYPOINT ["/entrypoint.sh"]
                CMD ["python", "app.py"]
                """, context);
        assertPid1(r, Verdict.NO_INIT, null, "python");
        assertLine(r, "build context entrypoint.sh");
    }

    @Test
    void scriptCopiedFromAnotherStagesHeredoc() {
        Resolution r = resolve("""
                FROM alpine AS build
                COPY <<'EOF' /src/run
                #!/bin/sh
                exec dumb-init -- "$@"
                EOF
                FROM alpine
                COPY --from=build /src/run /usr/local/bin/run
                ENTRYPOINT ["run"]
                CMD ["app"]
                """);
        assertPid1(r, Verdict.INIT, "dumb-init", "dumb-init");
    }

    @Test
    void execTiniInAScript() throws IOException {
        write("entrypoint.sh", "#!/bin/bash\nset -euo pipefail\nexec /usr/bin/tini -- \"$@\"\n");
        Resolution r = resolve("FROM debian\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\n"
                + "CMD [\"python\", \"app.py\"]\n", context);
        assertPid1(r, Verdict.INIT, "tini", "tini");
        assertLine(r, "supervising [\"python\", \"app.py\"]");
    }

    @Test
    void execOfAFixedCommandIgnoresCmd() throws IOException {
        write("run.sh", "#!/bin/sh\nexec python /app/main.py\n");
        Resolution r = resolve("FROM debian\nCOPY run.sh /\nENTRYPOINT [\"/run.sh\"]\nCMD [\"ignored\"]\n", context);
        assertPid1(r, Verdict.NO_INIT, null, "python");
    }
}
