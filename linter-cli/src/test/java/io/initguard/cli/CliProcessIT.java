package io.initguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar as a separate process (run by failsafe after {@code package}): what only a whole process shows,
 * standard input, exit codes through {@code System.exit}, stdout carrying only the report, NO_COLOR, paths relative
 * to the working folder.
 */
class CliProcessIT {
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("initguard.jar", "target/initguard.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + "; run `./mvnw -pl linter-cli verify`");
    }

    private record Ran(int code, String out, String err) {
        JsonNode json() throws IOException {
            return Cli.JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Ran initguard(String stdin, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path outFile = Files.createTempFile("initguard", ".out");
        Path errFile = Files.createTempFile("initguard", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            pb.environment().remove("NO_COLOR");
            pb.environment().putAll(env);
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "initguard did not finish");
            return new Ran(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    private Ran initguard(String... args) throws Exception {
        return initguard(null, Map.of(), args);
    }

    @Test
    void standardInput() throws Exception {
        Ran r = initguard(Cli.NO_INIT, Map.of(), "lint", "--format", "json", "-");
        assertEquals(1, r.code(), r::toString);
        JsonNode t = r.json().at("/targets/0");
        assertEquals("-", t.get("file").asText());
        assertEquals("no-init", t.get("verdict").asText());
        assertEquals("IG101", t.at("/findings/0/ruleId").asText());
        assertEquals("-", t.at("/findings/0/file").asText());

        Ran clean = initguard(Cli.CLEAN, Map.of(), "lint", "-");
        assertEquals(0, clean.code(), clean::toString);
    }

    @Test
    void standardInputSyntaxError() throws Exception {
        Ran r = initguard("FROM python:3.12\nFOO bar\n", Map.of(), "lint", "-");
        assertEquals(2, r.code(), r::toString);
        assertEquals(List.of("-:2:1: unknown instruction: FOO"), r.err().lines().toList(), r::toString);
    }

    @Test
    void standardInputUsesTheWorkingFoldersConfig() throws Exception {
        write(dir, ".initguard.yaml", "rules:\n  IG101: off\n");
        Ran r = initguard(Cli.NO_INIT, Map.of(), "lint", "-");
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void stdoutCarriesOnlyTheReport() throws Exception {
        write(dir, "ok/Dockerfile", Cli.NO_INIT);
        write(dir, "bad/Dockerfile", "FROM python:3.12\nFOO bar\n");
        for (String format : List.of("json", "sarif")) {
            Ran r = initguard("lint", "--format", format, ".");
            assertEquals(2, r.code(), r::toString);
            // The whole of stdout is one JSON document; the input error went to stderr, as one line.
            JsonNode report = r.json();
            assertTrue(report.isObject(), r::toString);
            assertTrue(r.out().strip().endsWith("}"), r::toString);
            assertEquals(List.of("./bad/Dockerfile:2:1: unknown instruction: FOO"), r.err().lines().toList(),
                    r::toString);
        }
        Ran json = initguard("lint", "--format", "json", ".");
        assertEquals(List.of("./ok/Dockerfile"), Cli.files(json.json()));
    }

    @Test
    void reportsToFilesLeaveStdoutToTheRest() throws Exception {
        write(dir, "Dockerfile", Cli.NO_INIT);
        Ran r = initguard("lint", "--format", "sarif=out.sarif", "--format", "json", "Dockerfile");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("Dockerfile"), Cli.files(r.json()));
        assertEquals("", r.err());
        JsonNode sarif = Cli.JSON.readTree(dir.resolve("out.sarif").toFile());
        assertEquals("Dockerfile", sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText());
    }

    @Test
    void relativePathsAreReportedAsGiven() throws Exception {
        write(dir, "svc/api/Dockerfile", Cli.NO_INIT);
        assertEquals(List.of("svc/api/Dockerfile"), Cli.files(initguard("lint", "--format", "json", "svc").json()));
        assertEquals(List.of("./svc/api/Dockerfile"), Cli.files(initguard("lint", "--format", "json", ".").json()));
        assertEquals(List.of("svc/api/Dockerfile"),
                Cli.files(initguard("lint", "--format", "json", "svc/api/Dockerfile").json()));
    }

    @Test
    void noColorAndNoTerminalMeanPlainText() throws Exception {
        write(dir, "Dockerfile", "FROM python:3.12\nCMD python app.py\n");
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("NO_COLOR", "1"))) {
            Ran r = initguard(null, env, "lint", "--explain", "Dockerfile");
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.out().contains("Dockerfile:2:1: error IG101"), r::toString);
            assertFalse(r.out().contains("\u001b"), () -> "ANSI escape with " + env + "\n" + r);
        }
    }

    @Test
    void exitCodesOfTheProcess() throws Exception {
        write(dir, "Dockerfile", Cli.CLEAN);
        write(dir, "empty/README.md", "nothing here\n");
        assertEquals(0, initguard("lint", "Dockerfile").code());
        assertEquals(0, initguard("--version").code());
        assertEquals(0, initguard("rules").code());
        Ran nothing = initguard("lint", "empty");
        assertEquals(2, nothing.code(), nothing::toString);
        assertTrue(nothing.err().contains("nothing to lint"), nothing::toString);
        Ran usage = initguard("lint", "--format", "yaml", "Dockerfile");
        assertEquals(2, usage.code(), usage::toString);
        assertEquals("", usage.out());
        Ran none = initguard();
        assertEquals(2, none.code(), none::toString);
    }

    @Test
    void versionIsTheProjectVersion() throws Exception {
        Ran r = initguard("--version");
        assertTrue(r.out().strip().matches("initguard \\d+\\.\\d+\\.\\d+.*"), r::toString);
    }
}
