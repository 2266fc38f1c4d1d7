package io.initguard.core.shell;

import static io.initguard.core.shell.ShellAnalyzer.analyzeCommandString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initguard.core.shell.ShellBehaviorMeasurementTest.Probe;
import io.initguard.core.shell.ShellOutcome.Replaced;
import io.initguard.core.shell.ShellOutcome.StaysPid1;
import io.initguard.core.shell.ShellOutcome.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ShellAnalyzerTest {
    private static final List<ShellKind> SHELLS = List.of(ShellKind.DASH, ShellKind.BASH, ShellKind.BUSYBOX);
    private static final String CMD = "cat /proc/1/comm";

    /** Command strings beyond the single-construct probes: combinations seen in Dockerfiles. */
    private static final List<String> COMBINATIONS = List.of(
            "set -e; x=1; cd / && " + CMD,
            "set -eu\nexport A=1\n" + CMD,
            "true && { " + CMD + "; }",
            "X=1 " + CMD + " 2>&1",
            "(true); " + CMD + "\n",
            "trap 'echo t' TERM; true && " + CMD,
            "trap - TERM; " + CMD,
            "f(){ " + CMD + "; }; true && f",
            "{ " + CMD + "; } 2>&1",
            "if true; then true && " + CMD + "; fi",
            "true && " + CMD + " | cat",
            "sleep 0 & true; " + CMD,
            "exec 2>&1; " + CMD,
            "cd / &&\\\n  " + CMD,
            "x=$(echo 1) " + CMD,
            "true; exec " + CMD + "; true",
            "f(){ exec " + CMD + "; }; f",
            "if true; then exec " + CMD + "; fi",
            "true && exec " + CMD + " # start",
            "exec -a cat " + CMD,
            "true; ! " + CMD,
            "true; " + CMD + " 2>&1",
            "sleep 0 &\ntrue && " + CMD,
            "x=1; cd / && " + CMD,
            "true; true\n" + CMD,
            "trap 'echo t' TERM\n" + CMD,
            "for i in 1; do " + CMD + "; done 2>&1",
            "(" + CMD + ") > /dev/stdout");

    /** Every construct's probe and the combinations: the analyzer must agree with the real shell. */
    @TestFactory
    Stream<DynamicTest> agreesWithTheRealShell() {
        List<Probe> probes = new ArrayList<>();
        for (ExecConstruct c : ExecConstruct.values()) {
            if (c == ExecConstruct.OR_LIST) continue; // the analyzer assumes the left side succeeds; see below
            for (Probe p : ShellBehaviorMeasurementTest.probes(c)) if (!p.file()) probes.add(p);
        }
        COMBINATIONS.forEach(s -> probes.add(new Probe(s, false)));
        List<DynamicTest> tests = new ArrayList<>();
        for (ShellKind kind : SHELLS) {
            for (Probe p : probes) {
                tests.add(DynamicTest.dynamicTest(kind.id() + " " + p.text().replace("\n", "\\n"), () -> {
                    String comm = ShellBehaviorMeasurementTest.run(kind, p);
                    boolean replaced = comm.equals("cat");
                    boolean failed = comm.contains(":");
                    ShellOutcome outcome = analyzeCommandString(kind, p.text());
                    if (failed) {
                        assertInstanceOf(Unknown.class, outcome, kind.id() + " failed (" + comm + "): " + p.text());
                    } else if (replaced) {
                        Replaced r = assertInstanceOf(Replaced.class, outcome, kind.id() + " exec'd: " + p.text());
                        assertEquals("cat", r.argv().getFirst().replace("$(echo cat)", "cat"));
                    } else {
                        assertInstanceOf(StaysPid1.class, outcome, kind.id() + " stayed PID 1: " + p.text());
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void singleCommandPerShell() {
        assertEquals(new StaysPid1(List.of("node", "server.js")), analyzeCommandString(ShellKind.DASH, "node server.js"));
        assertEquals(new Replaced(List.of("node", "server.js"), false),
                analyzeCommandString(ShellKind.BASH, "node server.js"));
        assertEquals(new Replaced(List.of("node", "server.js"), false),
                analyzeCommandString(ShellKind.BUSYBOX, "node server.js"));
    }

    @Test
    void explicitExecOnEveryShellStripsExecOptionsAndAssignments() {
        for (ShellKind kind : List.of(ShellKind.BASH, ShellKind.BUSYBOX)) {
            assertEquals(new Replaced(List.of("nginx", "-g", "daemon off;"), true),
                    analyzeCommandString(kind, "X=1 exec -a nginx nginx -g 'daemon off;'"));
        }
        assertInstanceOf(Unknown.class, analyzeCommandString(ShellKind.DASH, "exec -- nginx"), "dash: exec: --: not found");
        assertInstanceOf(Unknown.class, analyzeCommandString(ShellKind.UNKNOWN, "exec -- nginx"));
        for (ShellKind kind : List.of(ShellKind.DASH, ShellKind.BASH, ShellKind.BUSYBOX, ShellKind.UNKNOWN)) {
            assertEquals(new Replaced(List.of("nginx", "-g", "daemon off;"), true),
                    analyzeCommandString(kind, "X=1 exec nginx -g 'daemon off;'"));
            assertEquals(new Replaced(List.of("java", "-jar", "/app.jar"), true),
                    analyzeCommandString(kind, "cd /app && exec java -jar /app.jar"));
        }
    }

    @Test
    void lastCommandOfAndListAndSequence() {
        String cmd = "set -e; X=1; envsubst < a > b && PORT=80 \"node\" 'server.js'";
        // bash execs an and-list only when it is a whole line
        assertEquals(new StaysPid1(List.of("node", "server.js")), analyzeCommandString(ShellKind.BASH, cmd));
        assertEquals(new Replaced(List.of("node", "server.js"), false), analyzeCommandString(ShellKind.BUSYBOX, cmd));
        assertEquals(new StaysPid1(List.of("node", "server.js")), analyzeCommandString(ShellKind.DASH, cmd));
        String lines = "set -e\nX=1\nenvsubst < a > b && PORT=80 \"node\" 'server.js'";
        assertEquals(new Replaced(List.of("node", "server.js"), false), analyzeCommandString(ShellKind.BASH, lines));
        assertEquals(new Replaced(List.of("node", "server.js"), false), analyzeCommandString(ShellKind.BASH, "set -e; node server.js"));
    }

    @Test
    void orListRunsTheLeftSideAsAChild() {
        for (ShellKind kind : SHELLS) {
            assertEquals(new StaysPid1(List.of("nginx")), analyzeCommandString(kind, "nginx || cat /var/log/err"));
        }
    }

    @Test
    void constructsThatNeverExec() {
        for (ShellKind kind : SHELLS) {
            assertEquals(new StaysPid1(List.of("tee", "log")), analyzeCommandString(kind, "app | tee log"));
            assertEquals(new StaysPid1(List.of("app")), analyzeCommandString(kind, "trap 'kill 0' TERM; app"));
            assertEquals(new StaysPid1(List.of("app")), analyzeCommandString(kind, "app & wait"));
            assertEquals(new StaysPid1(List.of("app")), analyzeCommandString(kind, "! app"));
            assertEquals(new StaysPid1(List.of("eval", "$CMD")), analyzeCommandString(kind, "eval $CMD"));
            assertEquals(new StaysPid1(List.of("app")), analyzeCommandString(kind, "while true; do app; done"));
        }
    }

    @Test
    void aBuiltinLastIsNeverExecd() {
        for (ShellKind kind : List.of(ShellKind.DASH, ShellKind.BASH, ShellKind.BUSYBOX, ShellKind.UNKNOWN)) {
            assertEquals(new StaysPid1(List.of("sleep", "1")), analyzeCommandString(kind, "sleep 1; echo"));
            assertEquals(new StaysPid1(List.of("app")), analyzeCommandString(kind, "app; exit 0"));
        }
    }

    @Test
    void redirectionAndGroupsDifferBetweenBashAndBusybox() {
        assertInstanceOf(StaysPid1.class, analyzeCommandString(ShellKind.BASH, "app >/proc/1/fd/1 2>&1"));
        assertInstanceOf(Replaced.class, analyzeCommandString(ShellKind.BUSYBOX, "app >/proc/1/fd/1 2>&1"));
        assertInstanceOf(StaysPid1.class, analyzeCommandString(ShellKind.BASH, "{ a; app; }"));
        assertEquals(new Replaced(List.of("app"), false), analyzeCommandString(ShellKind.BUSYBOX, "{ a; app; }"));
    }

    @Test
    void trailingNewlineMattersForBusybox() {
        assertInstanceOf(Replaced.class, analyzeCommandString(ShellKind.BASH, "app\n"));
        assertInstanceOf(StaysPid1.class, analyzeCommandString(ShellKind.BUSYBOX, "app\n"));
        assertInstanceOf(StaysPid1.class, analyzeCommandString(ShellKind.BASH, "app\n# done\n"));
    }

    @Test
    void unknownShellAnswersOnlyWhenAllShellsAgree() {
        assertInstanceOf(Unknown.class, analyzeCommandString(ShellKind.UNKNOWN, "node server.js"));
        assertEquals(new StaysPid1(List.of("cat")), analyzeCommandString(ShellKind.UNKNOWN, "app | cat"));
        assertEquals(new Replaced(List.of("app"), true), analyzeCommandString(ShellKind.UNKNOWN, "exec app"));
    }

    @Test
    void noShellOrBadInputIsUnknown() {
        assertInstanceOf(Unknown.class, analyzeCommandString(ShellKind.NONE, "exec app"));
        Unknown u = assertInstanceOf(Unknown.class, analyzeCommandString(ShellKind.BASH, "echo 'oops"));
        assertTrue(u.reason().contains("1:6"), u.reason());
        assertInstanceOf(Unknown.class, analyzeCommandString(ShellKind.BASH, "X=1"));
        assertInstanceOf(Unknown.class, analyzeCommandString(ShellKind.BASH, ""));
        assertInstanceOf(Unknown.class, analyzeCommandString(ShellKind.BUSYBOX, "case $1 in a) x;; b) y;; esac"));
    }

    @Test
    void allArgsMarkerAndSetArgs() {
        assertEquals(new Replaced(List.of("app", Word.ALL_ARGS), true),
                analyzeCommandString(ShellKind.DASH, "exec app \"$@\""));
        assertEquals(new Replaced(List.of("app", "-v", Word.ALL_ARGS), true),
                analyzeCommandString(ShellKind.DASH, "set -- -v \"$@\"; exec app \"$@\""));
    }
}
