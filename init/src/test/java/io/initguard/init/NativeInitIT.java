package io.initguard.init;

import static io.initguard.init.NativeInit.asPid1;
import static io.initguard.init.NativeInit.direct;
import static io.initguard.init.NativeInit.run;
import static io.initguard.init.NativeInit.scenario;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initguard.init.NativeInit.Result;
import io.initguard.init.NativeInit.Running;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native binary ({@code initguard-init-linux-amd64}, built by Maven) as real PID 1 of a new PID namespace
 * ({@code unshare --pid --fork --mount-proc}) and as a subreaper. Ports the scenarios of tini's
 * test/run_inner_tests.py and ci/run_build.sh smoke tests, and of dumb-init's behavioural tests.
 */
class NativeInitIT {

    private static final String PYTHON = Files.exists(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @TempDir
    Path dir;

    @Test
    void binaryIsStaticAndSmall() throws IOException {
        assertTrue(Files.isExecutable(NativeInit.BINARY), NativeInit.BINARY + " was not built");
        assertTrue(Files.size(NativeInit.BINARY) <= 512 * 1024, "size " + Files.size(NativeInit.BINARY));
        Result file = run(List.of("file", NativeInit.BINARY.toString()));
        if (file.status() == 0) {
            assertTrue(file.stdout().contains("statically linked"), file.stdout());
        }
    }

    @Test
    void smokeTestsAsTinisBuild() {
        Result version = run(direct("--version"));
        assertEquals(0, version.status());
        assertEquals(CommandLine.VERSION + "\n", version.stdout());
        Result help = run(direct("-h"));
        assertEquals(0, help.status());
        assertEquals(CommandLine.usage(), help.stdout());
        assertEquals(0, run(direct("-l")).status());
        Result noProgram = run(direct());
        assertEquals(1, noProgram.status());
        assertTrue(noProgram.stderr().contains("Usage: initguard-init [OPTIONS] PROGRAM -- [ARGS] | --version"));
        assertEquals(1, run(direct("-x", "true")).status());
        assertEquals(0, run(asPid1("--", "ls")).status());
        assertEquals(0, run(asPid1("-vvv", "--", "ls")).status());
        assertEquals(1, run(asPid1("-e", "300", "true")).status());
        assertEquals(1, run(asPid1("-p", "NOPE", "true")).status());
        assertTrue(noProgram.stderr().contains("supervision of a valid init process"));
        assertTrue(help.stdout().contains("more verbose"));
        assertEquals(0, run(asPid1("-vvv", "true")).status());
        assertEquals(1, run(asPid1("-vvv", "false")).status());
        assertEquals(127, run(asPid1("-vvv", "--", "--", "true")).status());
        assertTrue(run(direct("true"), Map.of("TINI_VERBOSITY", "3"), null, null).stdout()
            .contains("Received SIGCHLD"));
        assertEquals(127, run(direct("-s", "foobar123")).status());
        assertEquals(126, run(direct("-s", "/etc")).status());
        assertEquals(0, run(direct("-s", "sh"), Map.of(), null, "exit 0\n").status());
    }

    @Test
    void everyExitCodeWithAndWithoutRemapping() {
        // 256 x 2 runs in one shell loop: tini's "inclusive" and "exclusive" exit code tests.
        String script = """
            B="$1"; all=""
            for c in $(seq 0 255); do all="$all -e $c"; done
            for c in $(seq 0 255); do
              "$B" -e "$c" -- sh -c "exit $c"; r=$?; [ "$r" = 0 ] || echo "inclusive $c -> $r"
              others=$(echo "$all" | sed "s/ -e $c\\( \\|$\\)/ /")
              "$B" $others -- sh -c "exit $c"; r=$?; [ "$r" = "$c" ] || echo "exclusive $c -> $r"
            done
            echo done
            """;
        Result result = run(List.of("sh", "-c", script, "sh", NativeInit.BINARY.toString()),
            Map.of("TINI_SUBREAPER", ""), null, null);
        assertEquals("done\n", result.stdout(), result.stderr());
    }

    @Test
    void exitCodesAsPid1() {
        for (int code : new int[] {0, 1, 2, 100, 255}) {
            assertEquals(code, run(asPid1("--", "sh", "-c", "exit " + code)).status());
        }
        assertEquals(143, run(asPid1("--", "sh", "-c", "kill -TERM $$")).status());
        assertEquals(0, run(asPid1("-e", "143", "--", "sh", "-c", "kill -TERM $$")).status());
    }

    @Test
    void execFailures() throws IOException {
        Result missing = run(asPid1("--", "/does/not/exist"));
        assertEquals(127, missing.status());
        assertTrue(missing.stderr().contains("exec /does/not/exist failed: No such file or directory"),
            missing.stderr());
        assertEquals(127, run(asPid1("no-such-command-on-path")).status());
        Path plain = Files.writeString(dir.resolve("plain"), "echo hi\n");
        Result notExecutable = run(asPid1("--", plain.toString()));
        assertEquals(126, notExecutable.status());
        assertTrue(notExecutable.stderr().contains("failed: Permission denied"), notExecutable.stderr());
    }

    @Test
    void reaps2000OrphansReleasedAtOnce() {
        Result result = run(asPid1("--", PYTHON, scenario("orphans.py"), "2000"));
        assertEquals(0, result.status(), result.stdout() + result.stderr());
        assertTrue(result.stdout().contains("zombies=0 left=0 "), result.stdout());
    }

    @Test
    void forwardsEverySignalToTheChild() {
        List<Integer> signals = new ArrayList<>();
        for (int signal = 1; signal <= 31; signal++) {
            if (Signals.isForwarded(signal)) {
                signals.add(signal);
            }
        }
        signals.addAll(List.of(34, 35, 50, 64));
        List<String> args = new ArrayList<>(List.of("--", PYTHON, scenario("signals.py")));
        signals.forEach(s -> args.add(String.valueOf(s)));
        try (Running init = NativeInit.start(asPid1(args.toArray(String[]::new)))) {
            init.awaitLine("ready");
            for (int signal : signals) {
                init.signal(signal);
                init.awaitLine("got " + signal);
            }
            Result result = init.finish(Duration.ofSeconds(10));
            assertEquals(0, result.status(), result.stderr());
        }
    }

    @Test
    void signalFromTheHostReachesTheChildsTermHandler() {
        try (Running init = NativeInit.start(asPid1("--", "sh", "-c",
            "trap 'echo got TERM; exit 42' TERM; echo ready; while :; do sleep 0.05; done"))) {
            init.awaitLine("ready");
            init.signal(Signals.SIGTERM);
            init.awaitLine("got TERM");
            assertEquals(42, init.finish(Duration.ofSeconds(10)).status());
        }
    }

    @Test
    void processGroupFlagReachesTheGrandchild() {
        for (List<String> command : List.of(asPid1("-g", "--", PYTHON, scenario("pgroup.py")),
            prefixed(List.of("env", "TINI_KILL_PROCESS_GROUP=1"), asPid1("--", PYTHON, scenario("pgroup.py"))))) {
            try (Running init = NativeInit.start(command)) {
                init.awaitLine("ready");
                init.signal(Signals.SIGUSR1);
                init.awaitLine("grandchild -10");
                assertEquals(0, init.finish(Duration.ofSeconds(10)).status());
            }
        }
    }

    @Test
    void withoutProcessGroupFlagOnlyTheChildGetsTheSignal() {
        try (Running init = NativeInit.start(asPid1("--", PYTHON, scenario("pgroup.py")))) {
            init.awaitLine("ready");
            init.signal(Signals.SIGUSR1);
            init.signal(Signals.SIGTERM);
            Result result = init.finish(Duration.ofSeconds(10));
            assertEquals(143, result.status());
            assertFalse(result.stdout().contains("grandchild"), result.stdout());
        }
    }

    @Test
    void subreaperReapsOrphansWhenNotPid1() {
        for (List<String> command : List.of(direct("-s", "-w", "--", PYTHON, scenario("orphans.py"), "50"),
            prefixed(List.of("env", "TINI_SUBREAPER="), direct("-w", "--", PYTHON, scenario("orphans.py"), "50")))) {
            Result result = run(command);
            assertEquals(0, result.status(), result.stdout() + result.stderr());
            assertFalse(result.stderr().contains("zombie reaping won't work"), result.stderr());
            long reaped = result.stderr().lines().filter(l -> l.contains("Reaped zombie process with pid=")).count();
            assertEquals(50, reaped, result.stderr());
        }
    }

    @Test
    void warnsWhenNeitherPid1NorSubreaper() {
        Result result = run(direct("true"), Map.of("TINI_VERBOSITY", "1"), null, null);
        assertEquals(0, result.status());
        assertTrue(result.stderr().matches("\\[WARN  initguard-init \\(\\d+\\)] " + java.util.regex.Pattern.quote(
            Supervisor.REAPER_WARNING) + "\n"), result.stderr());
        assertEquals("", run(direct("-s", "true")).stderr());
        assertEquals("", run(asPid1("true")).stderr());
        assertEquals("", run(direct("true"), Map.of("TINI_VERBOSITY", "0"), null, null).stderr());
    }

    @Test
    void parentDeathSignalIsForwarded() throws IOException {
        Path ok = dir.resolve("ok");
        Path ready = dir.resolve("ready");
        String child = "trap 'echo ok > \"" + ok + "\"; exit 0' USR1; touch \"" + ready + "\"; i=0; "
            + "while [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done";
        String parent = "\"$1\" -s -p SIGUSR1 -- sh -c '" + child.replace("'", "'\\''") + "' & "
            + "while [ ! -e \"" + ready + "\" ]; do sleep 0.01; done; exit 0";
        assertEquals(0, run(List.of("sh", "-c", parent, "sh", NativeInit.BINARY.toString())).status());
        for (int i = 0; i < 400 && !Files.exists(ok); i++) {
            NativeInit.sleep(25);
        }
        assertEquals("ok\n", Files.readString(ok));
    }

    @Test
    void stdinPassesThrough() {
        Result result = run(asPid1("--", "cat"), Map.of(), null, "hello\nworld\n");
        assertEquals(0, result.status());
        assertEquals("hello\nworld\n", result.stdout());
    }

    @Test
    void cwdEnvironmentAndFdsAreUntouched() throws IOException {
        Path fd3 = dir.resolve("fd3");
        Result result = run(List.of("sh", "-c", "exec 3>\"$2\"; exec \"$1\" -s -- sh -c 'pwd; echo \"$FOO\"; echo via3 >&3'",
            "sh", NativeInit.BINARY.toString(), fd3.toString()), Map.of("FOO", "bar baz"), dir, null);
        assertEquals(0, result.status(), result.stderr());
        assertEquals(dir.toRealPath() + "\nbar baz\n", result.stdout());
        assertEquals("via3\n", Files.readString(fd3));
    }

    @Test
    void childGetsTheMaskAndIgnoredSignalsTheInitStartedWith() {
        Result result = run(List.of(PYTHON, scenario("sigconf.py"), NativeInit.BINARY.toString(), "-s", "cat",
            "/proc/self/status"));
        assertEquals(0, result.status(), result.stderr());
        long blocked = field(result.stdout(), "SigBlk");
        long ignored = field(result.stdout(), "SigIgn");
        for (int signal : new int[] {Signals.SIGTTIN, Signals.SIGILL, Signals.SIGTERM}) {
            assertTrue(Signals.contains(blocked, signal), Signals.name(signal) + " not blocked");
        }
        for (int signal : new int[] {Signals.SIGTTOU, Signals.SIGSEGV, Signals.SIGINT}) {
            assertTrue(Signals.contains(ignored, signal), Signals.name(signal) + " not ignored");
        }
        assertFalse(Signals.contains(blocked, Signals.SIGCHLD));
        assertFalse(Signals.contains(ignored, Signals.SIGTTIN));
    }

    @Test
    void interactiveShellKeepsJobControl() {
        Result result = run(prefixed(List.of("/usr/bin/python3", scenario("jobcontrol.py")), asPid1()));
        assertEquals(0, result.status(), result.stdout() + result.stderr());
        assertTrue(result.stdout().contains("exit 3"), result.stdout());
    }

    @Test
    void withoutGraceTheRestIsKilledAbruptly() {
        Path drained = dir.resolve("drained");
        Result result = run(asPid1("--", "sh", "-c", treeWithTermHandler(drained) + "exit 4"));
        assertEquals(4, result.status());
        assertFalse(Files.exists(drained));
    }

    @Test
    void graceDrainsTheTreeAfterTheMainChildExits() throws IOException {
        Path drained = dir.resolve("drained");
        Result result = run(asPid1("--grace", "20s", "--", "sh", "-c", treeWithTermHandler(drained) + "exit 4"));
        assertEquals(4, result.status(), result.stderr());
        assertEquals("drained\n", Files.readString(drained));
        assertFalse(result.stderr().contains("Grace period"), result.stderr());
    }

    @Test
    void graceKillsWhatIgnoresTerm() {
        Path ready = dir.resolve("ready");
        Result result = run(asPid1("--grace", "300ms", "--", "sh", "-c",
            "(trap '' TERM; touch \"" + ready + "\"; while :; do sleep 0.05; done) & "
                + "while [ ! -e \"" + ready + "\" ]; do sleep 0.01; done; exit 4"));
        assertEquals(4, result.status());
        assertTrue(result.stderr().contains("Grace period of 300 ms is over: sending SIGKILL to the remaining"
            + " processes"), result.stderr());
    }

    @Test
    void graceOnSigtermReachesEveryProcess() throws IOException {
        Path drained = dir.resolve("drained");
        Path main = dir.resolve("main");
        try (Running init = NativeInit.start(asPid1("--grace", "20s", "--", "sh", "-c",
            "trap 'echo main > \"" + main + "\"; exit 9' TERM; " + treeWithTermHandler(drained)
                + "echo ready; while :; do sleep 0.05; done"))) {
            init.awaitLine("ready");
            init.signal(Signals.SIGTERM);
            assertEquals(9, init.finish(Duration.ofSeconds(20)).status());
        }
        assertEquals("drained\n", Files.readString(drained));
        assertEquals("main\n", Files.readString(main));
    }

    @Test
    void installCopiesTheBinary() throws IOException {
        Path target = Files.createDirectory(dir.resolve("bin"));
        Result result = run(direct("--install", target.toString()));
        assertEquals(0, result.status(), result.stderr());
        Path installed = target.resolve("initguard-init");
        assertArrayEquals(Files.readAllBytes(NativeInit.BINARY), Files.readAllBytes(installed));
        assertTrue(Files.isExecutable(installed));
        assertEquals(CommandLine.VERSION + "\n", run(List.of(installed.toString(), "--version")).stdout());
        Result missing = run(direct("--install", dir.resolve("nope").toString()));
        assertEquals(1, missing.status());
        assertTrue(missing.stderr().contains("Failed to install into"), missing.stderr());
    }

    /** A background process that writes "drained" on TERM; returns once its handler is in place. */
    private static String treeWithTermHandler(Path drained) {
        Path ready = drained.resolveSibling(drained.getFileName() + ".ready");
        return "(trap 'echo drained > \"" + drained + "\"; exit 0' TERM; touch \"" + ready + "\"; "
            + "while :; do sleep 0.05; done) & while [ ! -e \"" + ready + "\" ]; do sleep 0.01; done; ";
    }

    private static List<String> prefixed(List<String> prefix, List<String> command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        return all;
    }

    private static long field(String status, String name) {
        return Long.parseLong(status.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow()
            .substring(name.length() + 1).trim(), 16);
    }
}
