package io.initguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.initguard.cli.Cli.run;
import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Every exit code of {@code initguard lint}: 0 clean, 1 findings at or above the threshold, 2 usage or input error. */
class LintExitCodeTest {
    @TempDir
    Path dir;

    private String file(String text) {
        return write(dir, "Dockerfile", text).toString();
    }

    private static void assertExit(int expected, Cli.Result r) {
        assertEquals(expected, r.code(), r::toString);
    }

    /** A usage or input error: exit 2, a message on stderr, and never a stack trace. */
    private static void assertInputError(Cli.Result r, String... fragments) {
        assertExit(2, r);
        for (String f : fragments) assertTrue(r.err().contains(f), () -> "stderr lacks '" + f + "'\n" + r);
        assertFalse(r.err().contains("\tat "), () -> "stack trace on stderr\n" + r);
        assertFalse(r.err().contains("Exception"), () -> "exception on stderr\n" + r);
        assertFalse(r.err().contains("internal error"), r::toString);
    }

    // --- 0

    @Test
    void cleanDockerfileExits0() {
        Cli.Result r = run("lint", file(Cli.CLEAN));
        assertExit(0, r);
        assertTrue(r.out().contains("init"), r::toString);
    }

    @Test
    void onlyInfoExits0() {
        Cli.Result r = run("lint", "--format", "json", file(Cli.INFO_ONLY));
        assertExit(0, r);
        assertEquals("IG106", r.json().at("/targets/0/findings/0/ruleId").asText());
        assertEquals("info", r.json().at("/targets/0/findings/0/severity").asText());
    }

    @Test
    void noFailExits0DespiteAnError() {
        String f = file(Cli.NO_INIT);
        assertExit(1, run("lint", f));
        assertExit(0, run("lint", "--no-fail", f));
    }

    @Test
    void findingsBelowTheThresholdExit0() {
        assertExit(0, run("lint", file(Cli.WARNING_ONLY)));
        assertExit(0, run("lint", "--failure-threshold", "error", file(Cli.WARNING_ONLY)));
        assertExit(0, run("lint", "--failure-threshold", "warning", file(Cli.INFO_ONLY)));
    }

    // --- 1

    @Test
    void errorFindingExits1() {
        Cli.Result r = run("lint", file(Cli.NO_INIT));
        assertExit(1, r);
        assertTrue(r.out().contains("IG101"), r::toString);
    }

    @Test
    void warningFailsWithThresholdWarning() {
        Cli.Result r = run("lint", "--failure-threshold", "warning", file(Cli.WARNING_ONLY));
        assertExit(1, r);
        assertTrue(r.out().contains("IG109"), r::toString);
    }

    @Test
    void infoFailsWithThresholdInfo() {
        assertExit(1, run("lint", "--failure-threshold", "info", file(Cli.INFO_ONLY)));
    }

    @Test
    void thresholdFromTheConfigFileBesideTheDockerfile() {
        String f = file(Cli.WARNING_ONLY);
        assertExit(0, run("lint", f));
        write(dir, ".initguard.yaml", "failure-threshold: warning\n");
        assertExit(1, run("lint", f));
        assertExit(1, run("lint", dir.toString()));
        // The command line wins over the file.
        assertExit(0, run("lint", "--failure-threshold", "error", f));
    }

    @Test
    void thresholdFromEachFilesOwnConfig() {
        write(dir, "strict/.initguard.yaml", "failure-threshold: warning\n");
        String strict = write(dir, "strict/Dockerfile", Cli.WARNING_ONLY).toString();
        String lax = write(dir, "lax/Dockerfile", Cli.WARNING_ONLY).toString();
        assertExit(0, run("lint", lax));
        assertExit(1, run("lint", strict));
        assertExit(1, run("lint", lax, strict));
    }

    // --- 2

    @Test
    void unknownOptionExits2() {
        assertInputError(run("lint", "--frobnicate", file(Cli.CLEAN)), "--frobnicate");
    }

    @Test
    void badFormatExits2() {
        assertInputError(run("lint", "--format", "yaml", file(Cli.CLEAN)), "yaml");
    }

    @Test
    void badFailureThresholdExits2() {
        assertInputError(run("lint", "--failure-threshold", "fatal", file(Cli.CLEAN)), "fatal");
    }

    @Test
    void missingPathExits2() {
        String missing = dir.resolve("nope/Dockerfile").toString();
        assertInputError(run("lint", missing), missing, "no such file");
    }

    @Test
    void noPathAtAllExits2() {
        assertInputError(run("lint"));
    }

    @Test
    void unreadableFileExits2() throws IOException {
        Path f = write(dir, "Dockerfile", Cli.CLEAN);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: a mode-000 file is still readable");
        assertInputError(run("lint", f.toString()), f.toString(), "cannot read");
    }

    @Test
    void fileThatFailsToReadExits2() {
        // Readable by mode even as root, but reading it fails (I/O error at offset 0).
        Path mem = Path.of("/proc/self/mem");
        assertTrue(Files.isRegularFile(mem), "no /proc/self/mem");
        assertInputError(run("lint", mem.toString()), mem + ": cannot read");
    }

    @Test
    void notARegularFileExits2() throws Exception {
        Path fifo = dir.resolve("Dockerfile");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo failed");
        assertInputError(run("lint", fifo.toString()), fifo + ": not a regular file");
    }

    @Test
    void nonUtf8FileExits2() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.write(f, new byte[]{'F', 'R', 'O', 'M', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        assertInputError(run("lint", f.toString()), f + ": not UTF-8");
    }

    @Test
    void syntaxErrorIsOneLineWithFileLineAndColumn() {
        String f = file("FROM python:3.12\nFOO bar\n");
        Cli.Result r = run("lint", f);
        assertInputError(r, f + ":2:1: unknown instruction");
        assertEquals(1, r.err().lines().filter(l -> l.contains("unknown instruction")).count(), r::toString);
    }

    @Test
    void syntaxErrorInOneFileStillReportsTheOthers() {
        write(dir, "a/Dockerfile", "FROM python:3.12\nFOO bar\n");
        write(dir, "b/Dockerfile", Cli.NO_INIT);
        Cli.Result r = run("lint", "--format", "json", dir.toString());
        assertInputError(r, dir + "/a/Dockerfile:2:1:");
        assertEquals(1, r.json().get("targets").size());
        assertEquals(dir + "/b/Dockerfile", r.json().at("/targets/0/file").asText());
        assertEquals(dir + "/a/Dockerfile", r.json().at("/errors/0/file").asText());
        assertEquals(2, r.json().at("/errors/0/line").asInt());
    }

    @Test
    void folderWithNoDockerfileSaysNothingToLint() {
        write(dir, "README.md", "hello\n");
        write(dir, "app/main.py", "print()\n");
        assertInputError(run("lint", dir.toString()), "nothing to lint");
    }

    @Test
    void emptyFolderSaysNothingToLint() {
        assertInputError(run("lint", dir.toString()), "nothing to lint");
    }

    @Test
    void badConfigYamlNamesFileAndLine() {
        String f = file(Cli.CLEAN);
        Path cfg = write(dir, ".initguard.yaml", "rules:\n  IG101: off\n  bad: [unclosed\n");
        Cli.Result r = run("lint", f);
        assertInputError(r, cfg + ":");
        assertTrue(r.err().matches("(?s).*\\.initguard\\.yaml:[1-9]\\d*: .*"), r::toString);
        // Given with --config too.
        Cli.Result r2 = run("lint", "--config", cfg.toString(), f);
        assertInputError(r2, cfg + ":");
        assertTrue(r2.err().matches("(?s).*\\.initguard\\.yaml:[1-9]\\d*: .*"), r2::toString);
    }

    @Test
    void missingConfigFileExits2() {
        String missing = dir.resolve("none.yaml").toString();
        assertInputError(run("lint", "--config", missing, file(Cli.CLEAN)), missing);
    }

    @Test
    void unknownTargetStageExits2() {
        String f = file("FROM python:3.12 AS build\nRUN true\nFROM python:3.12 AS run\nCMD [\"python\"]\n");
        assertInputError(run("lint", "--target", "deploy", f), f, "deploy", "build", "run");
        assertInputError(run("lint", "--target", "7", f), f, "7");
    }

    @Test
    void noSubcommandExits2() {
        assertInputError(run(), "lint");
    }

    @Test
    void unknownSubcommandExits2() {
        assertInputError(run("frobnicate"), "frobnicate");
    }
}
