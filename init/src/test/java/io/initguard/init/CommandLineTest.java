package io.initguard.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final Map<String, String> env = new HashMap<>();

    private Parsed parse(String... args) {
        return CommandLine.parse(args, env::get);
    }

    private Options run(String... args) {
        return assertInstanceOf(Parsed.Run.class, parse(args)).options();
    }

    @Test
    void defaultsMatchTini() {
        Options o = run("sleep", "1");
        assertEquals(1, o.verbosity());
        assertFalse(o.subreaper());
        assertEquals(0, o.parentDeathSignal());
        assertFalse(o.warnOnReap());
        assertFalse(o.killProcessGroup());
        assertFalse(o.graceEnabled());
        assertArrayEquals(new String[] {"sleep", "1"}, o.program());
    }

    @Test
    void everyShortFlag() {
        Options o = run("-s", "-v", "-v", "-w", "-g", "-p", "SIGKILL", "-e", "3", "-e", "143", "--", "app", "-x");
        assertTrue(o.subreaper());
        assertEquals(3, o.verbosity());
        assertTrue(o.warnOnReap());
        assertTrue(o.killProcessGroup());
        assertEquals(Signals.SIGKILL, o.parentDeathSignal());
        assertTrue(o.remappedToZero()[3]);
        assertTrue(o.remappedToZero()[143]);
        assertFalse(o.remappedToZero()[0]);
        assertArrayEquals(new String[] {"app", "-x"}, o.program());
    }

    @Test
    void clusteredFlagsAndAttachedValuesAsGetopt() {
        Options o = run("-vvsg", "-e7", "-pSIGTERM", "app");
        assertEquals(3, o.verbosity());
        assertTrue(o.subreaper());
        assertTrue(o.killProcessGroup());
        assertTrue(o.remappedToZero()[7]);
        assertEquals(Signals.SIGTERM, o.parentDeathSignal());
    }

    @Test
    void optionsEndAtTheFirstProgramArgument() {
        Options o = run("sh", "-c", "exit 1");
        assertArrayEquals(new String[] {"sh", "-c", "exit 1"}, o.program());
        assertArrayEquals(new String[] {"-v"}, run("--", "-v").program());
    }

    @Test
    void exitCodeMustBeANumberFrom0To255() {
        assertEquals("Not a valid option for -e: 256", assertInstanceOf(Parsed.Fatal.class, parse("-e", "256",
            "x")).message());
        assertInstanceOf(Parsed.Fatal.class, parse("-e", "-1", "x"));
        assertInstanceOf(Parsed.Fatal.class, parse("-e", "1x", "x"));
        assertInstanceOf(Parsed.Fatal.class, parse("-e", "", "x"));
        assertTrue(run("-e", "255", "x").remappedToZero()[255]);
        assertTrue(run("-e", "0", "x").remappedToZero()[0]);
    }

    @Test
    void parentDeathSignalTakesTiniNamesOnly() {
        Parsed.Fatal fatal = assertInstanceOf(Parsed.Fatal.class, parse("-p", "KILL", "x"));
        assertEquals("Not a valid option for -p: KILL", fatal.message());
        assertEquals(1, fatal.exitCode());
        assertEquals(Signals.SIGUSR1, run("-p", "SIGUSR1", "x").parentDeathSignal());
    }

    @Test
    void helpGoesToStdoutAndExits0() {
        Parsed.Print print = assertInstanceOf(Parsed.Print.class, parse("-h", "-x"));
        assertEquals(1, print.fd());
        assertEquals(0, print.exitCode());
        assertTrue(print.text().contains("  -e EXIT_CODE: Remap EXIT_CODE (from 0 to 255) to 0.\n"));
        assertTrue(print.text().contains("--grace DURATION"));
        assertTrue(print.text().contains("--install DIR"));
        assertTrue(print.text().contains("TINI_VERBOSITY: Set the verbosity level (default: 1)."));
    }

    @Test
    void versionAndLicense() {
        Parsed.Print version = assertInstanceOf(Parsed.Print.class, parse("--version"));
        assertEquals(CommandLine.VERSION + "\n", version.text());
        assertEquals(0, version.exitCode());
        Parsed.Print license = assertInstanceOf(Parsed.Print.class, parse("-l"));
        assertTrue(license.text().contains("tini"));
        assertEquals(0, license.exitCode());
    }

    @Test
    void usageErrorsGoToStderrAndExit1() {
        Parsed.Print noProgram = assertInstanceOf(Parsed.Print.class, parse("-s"));
        assertEquals(2, noProgram.fd());
        assertEquals(1, noProgram.exitCode());
        assertTrue(noProgram.text().startsWith(Log.NAME + " (" + CommandLine.VERSION + ")\nUsage: "));

        Parsed.Print invalid = assertInstanceOf(Parsed.Print.class, parse("-x", "app"));
        assertTrue(invalid.text().startsWith(Log.NAME + ": invalid option -- 'x'\n"));
        assertEquals(1, invalid.exitCode());

        Parsed.Print missing = assertInstanceOf(Parsed.Print.class, parse("-e"));
        assertTrue(missing.text().startsWith(Log.NAME + ": option requires an argument -- 'e'\n"));

        Parsed.Print unknownLong = assertInstanceOf(Parsed.Print.class, parse("--frobnicate", "app"));
        assertTrue(unknownLong.text().startsWith(Log.NAME + ": unrecognized option '--frobnicate'\n"));
    }

    @Test
    void environmentVariablesCountWhenMerelyPresent() {
        env.put("TINI_SUBREAPER", "");
        env.put("TINI_KILL_PROCESS_GROUP", "");
        Options o = run("app");
        assertTrue(o.subreaper());
        assertTrue(o.killProcessGroup());
    }

    @Test
    void verbosityFromTheEnvironmentOverridesFlagsAsAtoi() {
        env.put("TINI_VERBOSITY", "3");
        assertEquals(3, run("-v", "app").verbosity());
        env.put("TINI_VERBOSITY", " 2abc");
        assertEquals(2, run("app").verbosity());
        env.put("TINI_VERBOSITY", "quiet");
        assertEquals(0, run("-vvv", "app").verbosity());
    }

    @Test
    void graceDurations() {
        assertEquals(10_000, run("--grace", "10s", "app").graceMillis());
        assertEquals(250, run("--grace=250ms", "app").graceMillis());
        assertEquals(120_000, run("--grace", "2m", "app").graceMillis());
        assertEquals(3_000, run("--grace", "3", "app").graceMillis());
        assertEquals(0, run("--grace", "0", "app").graceMillis());
        assertEquals("Not a valid option for --grace: soon",
            assertInstanceOf(Parsed.Fatal.class, parse("--grace", "soon", "app")).message());
        assertInstanceOf(Parsed.Fatal.class, parse("--grace", "5x", "app"));
        assertInstanceOf(Parsed.Print.class, parse("--grace"));
    }

    @Test
    void installNeedsNoProgram() {
        Parsed.Install install = assertInstanceOf(Parsed.Install.class, parse("--install", "/target"));
        assertEquals("/target", install.directory());
        assertEquals("/x", assertInstanceOf(Parsed.Install.class, parse("--install=/x")).directory());
    }

    @Test
    void atoiAsC() {
        assertEquals(0, CommandLine.atoi(""));
        assertEquals(-4, CommandLine.atoi("-4"));
        assertEquals(12, CommandLine.atoi("\t+12z"));
    }
}
