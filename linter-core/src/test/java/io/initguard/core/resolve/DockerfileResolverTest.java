package io.initguard.core.resolve;

import io.initguard.core.model.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.initguard.core.resolve.ResolverFixture.resolve;
import static io.initguard.core.resolve.ResolverFixture.resolveTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerfileResolverTest {

    static void assertPid1(Resolution r, Verdict verdict, String init, String pid1) {
        String chain = String.join("\n", r.chain().lines());
        assertEquals(verdict, r.chain().verdict(), chain);
        assertEquals(init, r.chain().init(), chain);
        assertEquals(pid1, r.chain().pid1(), chain);
    }

    static void assertLine(Resolution r, String fragment) {
        assertTrue(r.chain().lines().stream().anyMatch(l -> l.contains(fragment)),
                () -> "no chain line contains '" + fragment + "' in\n" + String.join("\n", r.chain().lines()));
    }

    static void assertNoLine(Resolution r, String fragment) {
        assertFalse(r.chain().lines().stream().anyMatch(l -> l.contains(fragment)),
                () -> "a chain line contains '" + fragment + "' in\n" + String.join("\n", r.chain().lines()));
    }

    @Nested
    class Composition {
        @Test
        void execEntrypointGetsExecCmdAppended() {
            Resolution r = resolve("FROM debian:12\nENTRYPOINT [\"/app/server\", \"--port\"]\nCMD [\"8080\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "server");
            assertLine(r, "ENTRYPOINT [\"/app/server\", \"--port\"] (ENTRYPOINT of stage 0)");
            assertLine(r, "the container starts [\"/app/server\", \"--port\", \"8080\"]");
        }

        @Test
        void shellFormCmdIsWrappedInBinShWhichDashKeepsAsPid1() {
            Resolution r = resolve("FROM debian:12\nCMD python app.py\n");
            assertPid1(r, Verdict.NO_INIT, null, "sh");
            assertLine(r, "CMD [\"/bin/sh\", \"-c\", \"python app.py\"]");
            assertEquals(List.of(new Observation.ShellStaysPid1("sh", "python app.py", r.all(
                    Observation.ShellStaysPid1.class).getFirst().location())), r.all(Observation.ShellStaysPid1.class));
            assertEquals(2, r.all(Observation.ShellStaysPid1.class).getFirst().location().line());
        }

        @Test
        void shellFormCmdAfterExecInitEntrypointIsTheInitsChild() {
            Resolution r = resolve("FROM debian:12\nENTRYPOINT [\"tini\", \"--\"]\nCMD python app.py\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertLine(r, "supervising [\"/bin/sh\", \"-c\", \"python app.py\"]");
        }

        @Test
        void shellFormEntrypointIgnoresCmdWhichOnlyBecomesDollarZero() {
            Resolution r = resolve("FROM alpine:3.20\nENTRYPOINT exec python app.py\nCMD [\"--debug\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
            assertLine(r, "execs [\"python\", \"app.py\"] (explicit exec)");
        }

        @Test
        void noEntrypointNoCmdCannotStart() {
            Resolution r = resolve("FROM scratch\nCOPY app /app\n");
            assertPid1(r, Verdict.UNKNOWN, null, null);
            assertLine(r, "no command");
        }

        @Test
        void envAssignmentsBeforeTheCommandAreSkipped() {
            assertPid1(resolve("FROM debian\nENTRYPOINT [\"env\", \"X=1\", \"-u\", \"Y\", \"python\", \"app.py\"]\n"),
                    Verdict.NO_INIT, null, "python");
            assertPid1(resolve("FROM alpine\nCMD env X=1 python app.py\n"), Verdict.NO_INIT, null, "python");
            assertPid1(resolve("FROM debian\nENTRYPOINT [\"/usr/bin/env\", \"X=1\", \"tini\", \"--\", \"app\"]\n"),
                    Verdict.INIT, "tini", "tini");
        }
    }

    @Nested
    class Shell {
        @Test
        void shellInstructionMakesBashTheWrapperWhichExecsASingleCommand() {
            Resolution r = resolve("FROM debian\nSHELL [\"/bin/bash\", \"-c\"]\nCMD python app.py\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
            assertLine(r, "CMD [\"/bin/bash\", \"-c\", \"python app.py\"]");
            assertTrue(r.all(Observation.ShellStaysPid1.class).isEmpty());
        }

        @Test
        void bashWithPipefailOptionBeforeC() {
            assertPid1(resolve("FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nCMD python app.py\n"),
                    Verdict.NO_INIT, null, "python");
            assertPid1(resolve("FROM debian\nENTRYPOINT [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"python app.py\"]\n"),
                    Verdict.NO_INIT, null, "python");
        }

        @Test
        void shellSetAfterCmdDoesNotRewrapIt() {
            Resolution r = resolve("FROM debian\nCMD python app.py\nSHELL [\"/bin/bash\", \"-c\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "sh");
        }

        @Test
        void shellIsInheritedFromTheParentStage() {
            Resolution r = resolve("FROM debian AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nCMD python app.py\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
        }

        @Test
        void dashStaysEvenForASingleCommand() {
            Resolution r = resolve("FROM python:3.12-slim\nCMD python app.py\n");
            assertPid1(r, Verdict.NO_INIT, null, "sh");
            assertEquals(1, r.all(Observation.ShellStaysPid1.class).size());
        }

        @Test
        void busyboxShExecsASingleCommandAndTheLastOfAnAndList() {
            assertPid1(resolve("FROM python:3.12-alpine\nCMD python app.py\n"), Verdict.NO_INIT, null, "python");
            Resolution r = resolve("FROM alpine\nCMD cd /app && python app.py\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
            assertTrue(r.all(Observation.ShellStaysPid1.class).isEmpty());
        }

        @Test
        void bashExecsTheLastCommandOfAnAndList() {
            assertPid1(resolve("FROM fedora\nCMD cd /app && python app.py\n"), Verdict.NO_INIT, null, "python");
        }

        @Test
        void pipelinesStayInBashAndBusybox() {
            Resolution r = resolve("FROM alpine\nCMD python app.py | tee /log\n");
            assertPid1(r, Verdict.NO_INIT, null, "sh");
            assertEquals("python app.py | tee /log", r.all(Observation.ShellStaysPid1.class).getFirst().command());
            assertPid1(resolve("FROM fedora\nCMD python app.py | tee /log\n"), Verdict.NO_INIT, null, "sh");
        }

        @Test
        void explicitExecReplacesEvenDash() {
            Resolution r = resolve("FROM debian\nCMD exec python app.py\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
            assertTrue(r.all(Observation.ShellStaysPid1.class).isEmpty());
            assertPid1(resolve("FROM debian\nCMD cd /app && exec tini -- python app.py\n"), Verdict.INIT, "tini", "tini");
        }

        @Test
        void busyboxShDashCExecsEvenOnADebianImage() {
            Resolution r = resolve("FROM debian\nENTRYPOINT [\"busybox\", \"sh\", \"-c\", \"python app.py\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
            assertLine(r, "busybox (busybox) -c execs [\"python\", \"app.py\"]");
        }

        @Test
        void explicitDashStays() {
            assertPid1(resolve("FROM alpine\nENTRYPOINT [\"dash\", \"-c\", \"python app.py\"]\n"), Verdict.NO_INIT, null,
                    "dash");
        }

        @Test
        void initUnderAStayingShellIsNotPid1() {
            Resolution r = resolve("FROM debian\nCMD tini -- python app.py\n");
            assertPid1(r, Verdict.NO_INIT, null, "sh");
            List<Observation.InitNotPid1> notPid1 = r.all(Observation.InitNotPid1.class);
            assertEquals(1, notPid1.size());
            assertEquals("tini", notPid1.getFirst().init());
            assertEquals("sh", notPid1.getFirst().parent());
        }

        @Test
        void interactiveShellIsPid1() {
            assertPid1(resolve("FROM alpine\n"), Verdict.NO_INIT, null, "sh");
            assertPid1(resolve("FROM debian\n"), Verdict.NO_INIT, null, "bash");
        }
    }

    @Nested
    class CmdReset {
        @Test
        void entrypointInTheStageResetsTheBaseImageCmd() {
            Resolution r = resolve("FROM node:22\nENTRYPOINT [\"/app/run\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "run");
            assertNoLine(r, "CMD");
        }

        @Test
        void entrypointInAChildStageResetsTheParentStagesCmd() {
            Resolution r = resolve("FROM debian AS base\nCMD [\"app\"]\nFROM base\nENTRYPOINT [\"/usr/bin/tini\", \"--\"]\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertNoLine(r, "CMD");
            assertNoLine(r, "supervising");
        }

        @Test
        void cmdSetBeforeEntrypointInTheSameStageIsKept() {
            Resolution r = resolve("FROM node:22\nCMD [\"server.js\"]\nENTRYPOINT [\"/usr/bin/tini\", \"--\", \"node\"]\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertLine(r, "the container starts [\"/usr/bin/tini\", \"--\", \"node\", \"server.js\"]");
        }

        @Test
        void cmdSetAfterEntrypointInTheSameStageIsKept() {
            Resolution r = resolve("FROM node:22\nENTRYPOINT [\"/usr/bin/tini\", \"--\", \"node\"]\nCMD [\"server.js\"]\n");
            assertLine(r, "the container starts [\"/usr/bin/tini\", \"--\", \"node\", \"server.js\"]");
        }

        @Test
        void cmdAloneKeepsTheBaseImageEntrypoint() {
            Resolution r = resolve("FROM node:22\nCMD [\"node\", \"server.js\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "node");
            assertLine(r, "ENTRYPOINT [\"docker-entrypoint.sh\"] (base image node:22)");
            assertLine(r, "execs [\"node\", \"server.js\"]");
        }
    }

    @Nested
    class Stages {
        @Test
        void fromStageByNameIsCaseInsensitive() {
            Resolution r = resolve("""
                    FROM python:3.12-slim AS Build
                    ENTRYPOINT ["tini", "--"]
                    FROM BUILD
                    CMD ["python", "app.py"]
                    """);
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertLine(r, "FROM stage build");
            assertLine(r, "supervising [\"python\", \"app.py\"]");
        }

        @Test
        void fromStageByIndex() {
            Resolution r = resolve("FROM debian\nENTRYPOINT [\"dumb-init\", \"--\"]\nFROM 0\nCMD [\"app\"]\n");
            assertPid1(r, Verdict.INIT, "dumb-init", "dumb-init");
            assertLine(r, "FROM stage 0");
        }

        @Test
        void inheritanceThroughAChainOfThreeStages() {
            Resolution r = resolve("""
                    FROM alpine AS a
                    ENTRYPOINT ["/sbin/tini", "--"]
                    FROM a AS b
                    RUN true
                    FROM b
                    CMD ["python", "app.py"]
                    """);
            assertPid1(r, Verdict.INIT, "tini", "tini");
        }

        @Test
        void baseImageFromTheCatalogue() {
            Resolution r = resolve("FROM node:22-bookworm\n");
            assertPid1(r, Verdict.NO_INIT, null, "node");
            assertLine(r, "FROM node:22-bookworm: a known base image (catalogue entry node, checked 2026-01-01)");
            assertLine(r, "the script docker-entrypoint.sh (base image node:22-bookworm) execs [\"node\"]");
        }

        @Test
        void baseImageWithAnInitEntrypoint() {
            Resolution r = resolve("FROM jenkins/jenkins:lts-jdk17\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
        }

        @Test
        void theTargetIsTheLastStageUnlessOneIsNamed() {
            String text = """
                    FROM debian AS app
                    ENTRYPOINT ["tini", "--", "/app/server"]
                    FROM app AS debug
                    ENTRYPOINT []
                    CMD ["bash"]
                    """;
            assertPid1(resolveTarget(text, "app"), Verdict.INIT, "tini", "tini");
            assertPid1(resolve(text), Verdict.NO_INIT, null, "bash");
        }

        @Test
        void laterStagesDoNotAffectAnEarlierTarget() {
            String text = "FROM debian AS app\nCMD [\"/app/server\"]\nFROM app AS other\nENTRYPOINT [\"tini\", \"--\"]\n";
            assertPid1(resolveTarget(text, "app"), Verdict.NO_INIT, null, "server");
        }

        @Test
        void aStageNamedLaterIsAnImageNotAStageSoLoopsCannotHang() {
            String text = "FROM b AS a\nCMD [\"x\"]\nFROM a AS b\n";
            // Stage a's "b" is the image b (not in the catalogue, so its ENTRYPOINT is unknown); stage b is FROM a.
            Resolution last = resolve(text);
            assertPid1(last, Verdict.UNKNOWN, null, null);
            assertLine(last, "FROM stage a");
            assertEquals("b", last.all(Observation.UnknownBaseImage.class).getFirst().image());
            Resolution first = resolveTarget(text, "a");
            assertPid1(first, Verdict.UNKNOWN, null, null);
            Resolution decided = resolve("FROM b AS a\nENTRYPOINT [\"x\"]\nFROM a AS b\n");
            assertPid1(decided, Verdict.NO_INIT, null, "x");
            Resolution self = resolve("FROM app AS app\n");
            assertPid1(self, Verdict.UNKNOWN, null, null);
            assertEquals("app", self.all(Observation.UnknownBaseImage.class).getFirst().image());
        }
    }

    @Nested
    class Onbuild {
        static final String TEXT = """
                FROM debian AS base
                ONBUILD ENTRYPOINT ["/usr/bin/tini", "--"]
                CMD ["/app/server"]
                FROM base AS child
                """;

        @Test
        void onbuildDoesNotApplyToTheImageItself() {
            Resolution r = resolveTarget(TEXT, "base");
            assertPid1(r, Verdict.NO_INIT, null, "server");
        }

        @Test
        void onbuildTriggerRunsInAStageBuiltFromIt() {
            Resolution r = resolve(TEXT + "CMD [\"/app/server\"]\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertLine(r, "supervising [\"/app/server\"]");
        }

        @Test
        void onbuildEntrypointRunsAtTheStartOfTheChildStageSoItResetsTheInheritedCmd() {
            // The trigger runs as if written right after the child's FROM: an ENTRYPOINT there resets CMD.
            Resolution r = resolve(TEXT);
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertNoLine(r, "supervising");
        }

        @Test
        void onbuildTriggersAreNotInheritedByGrandchildren() {
            Resolution r = resolve(TEXT + "ENTRYPOINT [\"/app/server\"]\nFROM child\n");
            assertPid1(r, Verdict.NO_INIT, null, "server");
        }

        @Test
        void onbuildCopyOfAnInitIsSeenInTheChild() {
            Resolution r = resolve("FROM debian AS base\nONBUILD RUN apt-get install -y tini\nFROM base\n");
            assertEquals(List.of("tini"), r.all(Observation.InitInstalled.class).stream()
                    .map(Observation.InitInstalled::init).toList());
        }
    }

    @Nested
    class Variables {
        @Test
        void execFormExpandsNoVariables() {
            Resolution r = resolve("FROM debian\nENV APP=/srv/app.py\nCMD [\"python\", \"$APP\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
            List<Observation.VariableInExecForm> v = r.all(Observation.VariableInExecForm.class);
            assertEquals(1, v.size());
            assertEquals("CMD", v.getFirst().instruction());
            assertEquals("$APP", v.getFirst().argument());
            assertEquals(3, v.getFirst().location().line());
        }

        @Test
        void variableInExecFormProgramIsTakenLiterally() {
            Resolution r = resolve("FROM debian\nENTRYPOINT [\"${INIT}\", \"--\", \"app\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "${INIT}");
            assertEquals("${INIT}", r.all(Observation.VariableInExecForm.class).getFirst().argument());
        }

        @Test
        void variableInTheCommandStringOfAnExecFormShellIsExpandedByThatShellSoNotReported() {
            Resolution r = resolve("FROM alpine\nENTRYPOINT [\"sh\", \"-c\", \"exec python \\\"$APP\\\"\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
            assertTrue(r.all(Observation.VariableInExecForm.class).isEmpty(), r.observations().toString());
        }

        @Test
        void shellFormIsNotReported() {
            assertTrue(resolve("FROM alpine\nCMD python $APP\n").all(Observation.VariableInExecForm.class).isEmpty());
        }

        @Test
        void argBeforeFromNamesTheBaseImage() {
            Resolution r = resolve("ARG BASE=python:3.12-slim\nFROM ${BASE}\n");
            assertPid1(r, Verdict.NO_INIT, null, "python3");
            assertLine(r, "FROM python:3.12-slim: a known base image");
            assertTrue(r.all(Observation.UnknownBaseImage.class).isEmpty());
        }

        @Test
        void argBeforeFromWithoutBraces() {
            assertPid1(resolve("ARG BASE=\"python:3.12-alpine\"\nFROM $BASE AS app\n"), Verdict.NO_INIT, null, "python3");
        }

        @Test
        void argDefaultInTheFromLine() {
            assertPid1(resolve("ARG BASE\nFROM ${BASE:-node:22}\n"), Verdict.NO_INIT, null, "node");
        }

        @Test
        void argWithoutAValueLeavesTheBaseUnknown() {
            Resolution r = resolve("ARG BASE\nFROM ${BASE}\n");
            assertPid1(r, Verdict.UNKNOWN, null, null);
            Observation.UnknownBaseImage u = r.all(Observation.UnknownBaseImage.class).getFirst();
            assertEquals("${BASE}", u.image());
            assertEquals(2, u.location().line());
        }
    }

    @Nested
    class InvalidJson {
        @Test
        void invalidJsonRunsInShellForm() {
            Resolution r = resolve("FROM debian\nCMD [\"python\", 'app.py']\n");
            assertPid1(r, Verdict.NO_INIT, null, "sh");
            List<Observation.InvalidJsonExecForm> bad = r.all(Observation.InvalidJsonExecForm.class);
            assertEquals(1, bad.size());
            assertEquals("CMD", bad.getFirst().instruction());
            assertEquals(2, bad.getFirst().location().line());
            assertLine(r, "CMD [\"/bin/sh\", \"-c\", \"[\\\"python\\\", 'app.py']\"]");
        }

        @Test
        void invalidJsonEntrypointOnBusyboxExecsTheBracketWord() {
            Resolution r = resolve("FROM alpine\nENTRYPOINT [tini, --, app]\n");
            assertPid1(r, Verdict.NO_INIT, null, "[tini,");
            assertEquals(1, r.all(Observation.InvalidJsonExecForm.class).size());
        }
    }

    @Nested
    class UnknownAndScratch {
        @Test
        void unknownBaseImageGivesUnknown() {
            Resolution r = resolve("FROM registry.example.com/team/app:1.2\nCMD [\"python\", \"app.py\"]\n");
            assertPid1(r, Verdict.UNKNOWN, null, null);
            Observation.UnknownBaseImage u = r.all(Observation.UnknownBaseImage.class).getFirst();
            assertEquals("registry.example.com/team/app:1.2", u.image());
            assertLine(r, "is not known (not in the base-image catalogue)");
        }

        @Test
        void ownEntrypointDecidesOnAnUnknownBase() {
            Resolution r = resolve("FROM example/app:1\nENTRYPOINT [\"tini\", \"--\", \"app\"]\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertTrue(r.all(Observation.UnknownBaseImage.class).isEmpty());
            Resolution s = resolve("FROM example/app:1\nENTRYPOINT [\"/app/server\"]\n");
            assertPid1(s, Verdict.NO_INIT, null, "server");
        }

        @Test
        void unknownBaseThroughAStage() {
            Resolution r = resolve("FROM example/app:1 AS base\nFROM base\nCMD [\"x\"]\n");
            assertPid1(r, Verdict.UNKNOWN, null, null);
            assertEquals(1, r.all(Observation.UnknownBaseImage.class).size());
        }

        @Test
        void shellFormOnAnUnknownBaseEntrypointIsNotGuessed() {
            // The shell of an unknown image is not known: bash would exec, dash would stay.
            Resolution r = resolve("FROM example/app:1\nENTRYPOINT python app.py\n");
            assertPid1(r, Verdict.UNKNOWN, null, null);
        }

        @Test
        void scratchWithABinaryEntrypoint() {
            Resolution r = resolve("FROM scratch\nCOPY server /server\nENTRYPOINT [\"/server\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "server");
            assertLine(r, "FROM scratch: an empty image");
        }

        @Test
        void scratchWithATiniBinary() {
            Resolution r = resolve("FROM scratch\nCOPY tini-static /tini\nCOPY server /server\n"
                    + "ENTRYPOINT [\"/tini\", \"--\", \"/server\"]\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
        }
    }

    @Nested
    class Inits {
        @Test
        void anInitBeforeOtherCommandsOfAShellThatStaysIsNotPid1() {
            // dash stays PID 1 for `a; b` and runs tini as a child, whichever command it is.
            for (String cmd : List.of("/usr/bin/tini -- python /app.py; true", "echo start && tini -- app | tee log",
                    "{ dumb-init app; }; echo done")) {
                Resolution r = resolve("FROM debian\nCMD " + cmd + "\n");
                assertEquals(Verdict.NO_INIT, r.chain().verdict(), cmd);
                List<Observation.InitNotPid1> notPid1 = r.all(Observation.InitNotPid1.class);
                assertEquals(1, notPid1.size(), cmd);
                assertEquals(cmd.contains("dumb-init") ? "dumb-init" : "tini", notPid1.getFirst().init(), cmd);
            }
        }

        @Test
        void initInstalledByPackageManagers() {
            for (String run : List.of("apt-get update && apt-get install -y --no-install-recommends tini",
                    "apk add --no-cache dumb-init", "dnf install -y tini && dnf clean all")) {
                Resolution r = resolve("FROM debian\nRUN " + run + "\nCMD [\"app\"]\n");
                List<Observation.InitInstalled> installed = r.all(Observation.InitInstalled.class);
                assertEquals(1, installed.size(), run);
                assertEquals(run.contains("dumb-init") ? "dumb-init" : "tini", installed.getFirst().init());
                assertEquals(2, installed.getFirst().location().line());
                assertPid1(r, Verdict.NO_INIT, null, "app");
            }
        }

        @Test
        void installedAndUsed() {
            Resolution r = resolve("FROM debian\nRUN apt-get install -y tini=0.19.0-1\nENTRYPOINT [\"tini\", \"--\"]\n"
                    + "CMD [\"app\"]\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertEquals("package tini", r.all(Observation.InitInstalled.class).getFirst().how());
        }

        @Test
        void initInstalledByCopyOrAdd() {
            Resolution copy = resolve("FROM debian\nCOPY --from=krallin/tini:latest /tini /tini\nCMD [\"app\"]\n");
            assertEquals("tini", copy.all(Observation.InitInstalled.class).getFirst().init());
            Resolution add = resolve("FROM debian\nADD https://github.com/krallin/tini/releases/download/v0.19.0/"
                    + "tini-static /usr/local/bin/tini\nCMD [\"app\"]\n");
            assertEquals(1, add.all(Observation.InitInstalled.class).size());
            assertEquals("tini", add.all(Observation.InitInstalled.class).getFirst().init());
        }

        @Test
        void packageThatIsNoInitIsNotReported() {
            assertTrue(resolve("FROM debian\nRUN apt-get install -y curl tinyproxy\n")
                    .all(Observation.InitInstalled.class).isEmpty());
        }

        @Test
        void entrypointReplacingTheBaseImagesInit() {
            Resolution r = resolve("FROM jenkins/jenkins:lts-jdk17\nENTRYPOINT [\"/usr/local/bin/jenkins.sh\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "jenkins.sh");
            Observation.InitReplaced rep = r.all(Observation.InitReplaced.class).getFirst();
            assertEquals("tini", rep.init());
            assertEquals("base image jenkins/jenkins:lts-jdk17", rep.provider());
            assertEquals(2, rep.location().line());
        }

        @Test
        void entrypointReplacingAnEarlierStagesInit() {
            Resolution r = resolve("FROM debian AS base\nENTRYPOINT [\"tini\", \"--\"]\nFROM base\n"
                    + "ENTRYPOINT [\"python\", \"app.py\"]\n");
            assertPid1(r, Verdict.NO_INIT, null, "python");
            Observation.InitReplaced rep = r.all(Observation.InitReplaced.class).getFirst();
            assertEquals("tini", rep.init());
            assertEquals("ENTRYPOINT of stage base", rep.provider());
        }

        @Test
        void replacingOneInitWithAnotherIsNotReported() {
            Resolution r = resolve("FROM jenkins/jenkins:lts-jdk17\nENTRYPOINT [\"dumb-init\", \"--\", \"app\"]\n");
            assertPid1(r, Verdict.INIT, "dumb-init", "dumb-init");
            assertTrue(r.all(Observation.InitReplaced.class).isEmpty());
        }

        @Test
        void initWithoutDoubleDash() {
            Resolution r = resolve("FROM debian\nENTRYPOINT [\"tini\", \"-s\", \"python\", \"app.py\"]\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
            Observation.InitWithoutDoubleDash w = r.all(Observation.InitWithoutDoubleDash.class).getFirst();
            assertEquals("tini", w.init());
            assertEquals("python app.py", w.command());
        }

        @Test
        void initWithDoubleDashAfterAnOptionWithAValueIsFine() {
            Resolution r = resolve("FROM debian\nENTRYPOINT [\"tini\", \"-p\", \"SIGTERM\", \"--\", \"app\"]\n");
            assertPid1(r, Verdict.INIT, "tini", "tini");
            assertTrue(r.all(Observation.InitWithoutDoubleDash.class).isEmpty());
            assertLine(r, "supervising [\"app\"]");
        }

        @Test
        void initWithoutACommandNeedsNoDoubleDash() {
            assertTrue(resolve("FROM debian\nENTRYPOINT [\"tini\"]\n").all(Observation.InitWithoutDoubleDash.class)
                    .isEmpty());
        }

        @Test
        void s6OverlayIsKnownByItsPath() {
            assertPid1(resolve("FROM alpine\nENTRYPOINT [\"/init\"]\n"), Verdict.INIT, "s6-overlay", "init");
            assertPid1(resolve("FROM alpine\nENTRYPOINT [\"/opt/init\"]\n"), Verdict.NO_INIT, null, "init");
        }

        @Test
        void initIsNullUnlessTheVerdictIsInit() {
            assertNull(resolve("FROM alpine\nCMD [\"app\"]\n").chain().init());
        }
    }
}
