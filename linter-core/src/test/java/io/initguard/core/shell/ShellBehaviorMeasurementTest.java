package io.initguard.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-measures every datum of shells.yaml against the real shells: each construct's probe runs with
 * {@code CMD = cat /proc/1/comm} in a fresh PID namespace ({@code unshare --pid --fork --mount-proc}); the shell
 * exec'd the command iff the first output line is {@code cat}. Fails (never skips) when a tool is missing.
 */
class ShellBehaviorMeasurementTest {
    private static final String CMD = "cat /proc/1/comm";
    private static final String INSTALL = "install with: apt-get install -y dash bash busybox-static util-linux"
            + " (and run the tests as root, for unshare --pid)";

    @TempDir
    static Path tmp;

    /** A probe: a -c string, or (file == true) the content of a script run as {@code SHELL FILE}. */
    record Probe(String text, boolean file) {
    }

    static List<Probe> probes(ExecConstruct c) {
        return switch (c) {
            case SIMPLE_COMMAND -> List.of(str(CMD));
            case SEQUENCE -> List.of(str("true; " + CMD), str("sleep 0 & true; " + CMD));
            case PREVIOUS_LINES -> List.of(str("true\n" + CMD), str("true; true && true\ntrue && " + CMD));
            case AND_LIST -> List.of(str("true && " + CMD), str("true && true && " + CMD));
            case AND_LIST_IN_SEQUENCE -> List.of(str("true; true && " + CMD), str("sleep 0 & true && " + CMD));
            case OR_LIST -> List.of(str("false || " + CMD));
            case AFTER_ASSIGNMENT -> List.of(str("x=1; " + CMD));
            case PREFIX_ASSIGNMENT -> List.of(str("X=1 " + CMD));
            case AFTER_SET_E -> List.of(str("set -e; " + CMD));
            case AFTER_FUNCTION_DEFINITION -> List.of(str("f(){ :; }; " + CMD));
            case AFTER_BACKGROUND -> List.of(str("sleep 0 & " + CMD));
            case AFTER_PIPELINE -> List.of(str("true | true; " + CMD));
            case COMMAND_SUBSTITUTION -> List.of(str("$(echo cat) /proc/1/comm"));
            case REDIRECTION -> List.of(str(CMD + " 2>&1"));
            case BRACE_GROUP -> List.of(str("{ " + CMD + "; }"));
            case SUBSHELL -> List.of(str("(" + CMD + ")"));
            case GROUP_REDIRECTION -> List.of(str("{ " + CMD + "; } 2>&1"), str("if true; then " + CMD + "; fi 2>&1"));
            case SUBSHELL_REDIRECTION -> List.of(str("(true; " + CMD + ") 2>&1"));
            case IF_BODY -> List.of(str("if true; then " + CMD + "; fi"));
            case CASE_BODY -> List.of(str("case a in a) " + CMD + ";; esac"));
            case LOOP_BODY -> List.of(str("for i in 1; do " + CMD + "; done"));
            case PIPELINE -> List.of(str(CMD + " | cat"));
            case NEGATION -> List.of(str("! " + CMD));
            case BACKGROUND -> List.of(str(CMD + " & wait"));
            case EVAL -> List.of(str("eval " + CMD));
            case FUNCTION_CALL -> List.of(str("f(){ " + CMD + "; }; f"));
            case AFTER_TRAP_COMMAND -> List.of(str("trap 'echo t' TERM; " + CMD));
            case AFTER_TRAP_EXIT -> List.of(str("trap 'echo t' EXIT; " + CMD));
            case AFTER_TRAP_IGNORE -> List.of(str("trap '' TERM; " + CMD));
            case AFTER_TRAP_EMPTY_EXIT -> List.of(str("trap '' EXIT; " + CMD));
            case TRAILING_NEWLINE -> List.of(str(CMD + "\n"));
            case TRAILING_TEXT -> List.of(str(CMD + "\n# c"), str(CMD + "\n\n"));
            case EXPLICIT_EXEC -> List.of(str("exec " + CMD));
            case EXEC_OPTIONS -> List.of(str("exec -a cat " + CMD), str("exec -- " + CMD));
            case SCRIPT_LAST_COMMAND -> List.of(new Probe("#!/bin/sh\ntrue\n" + CMD + "\n", true));
            case SCRIPT_EXPLICIT_EXEC -> List.of(new Probe("#!/bin/sh\ntrue\nexec " + CMD + "\n", true));
        };
    }

    private static Probe str(String s) {
        return new Probe(s, false);
    }

    static List<String> shellCommand(ShellKind kind) {
        return switch (kind) {
            case DASH -> List.of("dash");
            case BASH -> List.of("bash");
            case BUSYBOX -> List.of("busybox", "sh");
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    @BeforeAll
    static void toolsPresent() {
        for (String tool : List.of("unshare", "dash", "bash", "busybox")) {
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            assertTrue(found, tool + " not found on PATH; " + INSTALL);
        }
    }

    /** Runs a probe; returns the first line of output (stdout and stderr). */
    static String run(ShellKind kind, Probe probe) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc"));
        argv.addAll(shellCommand(kind));
        if (probe.file()) {
            Path script = Files.createTempFile(tmp, "probe", ".sh");
            Files.writeString(script, probe.text());
            argv.add(script.toString());
        } else {
            argv.add("-c");
            argv.add(probe.text());
        }
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("probe did not finish: " + argv);
        }
        return out.lines().findFirst().orElse("").strip();
    }

    @TestFactory
    Stream<DynamicTest> everyDatumMatchesTheRealShell() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ShellBehavior behavior : ShellBehavior.all().values()) {
            for (ExecConstruct c : ExecConstruct.values()) {
                for (Probe probe : probes(c)) {
                    tests.add(DynamicTest.dynamicTest(behavior.kind().id() + " " + c.key() + " " + probe.text()
                            .replace("\n", "\\n"), () -> {
                        String comm = run(behavior.kind(), probe);
                        String shellComm = behavior.kind() == ShellKind.BUSYBOX ? "busybox" : behavior.kind().id();
                        assertTrue(comm.equals("cat") || comm.startsWith(shellComm),
                                "unexpected PID 1 name '" + comm + "' (is unshare --pid permitted? " + INSTALL + ")");
                        assertEquals(behavior.execs(c), comm.equals("cat"),
                                behavior.kind().id() + " " + c.key() + ": PID 1 was " + comm);
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void allThreeShellsAreMeasured() {
        assertEquals(List.of(ShellKind.DASH, ShellKind.BASH, ShellKind.BUSYBOX),
                List.copyOf(ShellBehavior.all().keySet()));
    }

    @Test
    void dashExecsOnlyExplicitly() {
        ShellBehavior dash = ShellBehavior.of(ShellKind.DASH).orElseThrow();
        for (ExecConstruct c : ExecConstruct.values()) {
            boolean explicit = c == ExecConstruct.EXPLICIT_EXEC || c == ExecConstruct.SCRIPT_EXPLICIT_EXEC;
            assertEquals(explicit, dash.execs(c), c.key());
        }
    }
}
