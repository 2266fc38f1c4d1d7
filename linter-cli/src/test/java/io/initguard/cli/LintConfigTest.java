package io.initguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.initguard.cli.Cli.run;
import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code .initguard.yaml}: where it is found, {@code --config}, and what its settings change. */
class LintConfigTest {
    @TempDir
    Path dir;

    private static final String RUNTIME_IMAGE = """
            base-images:
              - repository: registry.example.com/platform/runtime
                tags: ["*"]
                entrypoint: []
                cmd: ["/bin/sh"]
                shell: dash
                source: https://git.example.com/platform/runtime/Dockerfile
                checked: "2026-12-01"
            """;

    private static Cli.Result json(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "lint";
        full[1] = "--format";
        full[2] = "json";
        System.arraycopy(args, 0, full, 3, args.length);
        return run(full);
    }

    @Test
    void configIsFoundWalkingUpFromTheFilesFolder() {
        String f = write(dir, "a/b/c/Dockerfile", Cli.NO_INIT).toString();
        assertEquals(1, json(f).code());
        write(dir, "a/.initguard.yaml", "rules:\n  IG101: off\n");
        Cli.Result r = json(f);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.json().at("/targets/0/findings").isEmpty(), r::toString);
        // The nearest file wins.
        write(dir, "a/b/.initguard.yml", "rules: {}\n");
        assertEquals(1, json(f).code());
    }

    @Test
    void walkingUpStopsAtTheRepositoryRoot() throws IOException {
        write(dir, ".initguard.yaml", "rules:\n  IG101: off\n");
        String outside = write(dir, "Dockerfile", Cli.NO_INIT).toString();
        Files.createDirectories(dir.resolve("repo/.git"));
        String inRepo = write(dir, "repo/app/Dockerfile", Cli.NO_INIT).toString();
        assertEquals(0, json(outside).code());
        assertEquals(1, json(inRepo).code());
        // .git may be a file (worktrees, submodules).
        Files.delete(dir.resolve("repo/.git"));
        write(dir, "repo/.git", "gitdir: /elsewhere\n");
        assertEquals(1, json(inRepo).code());
    }

    @Test
    void eachFileGetsItsOwnConfig() {
        write(dir, "quiet/.initguard.yaml", "rules:\n  IG101: off\n");
        write(dir, "quiet/Dockerfile", Cli.NO_INIT);
        write(dir, "loud/Dockerfile", Cli.NO_INIT);
        Cli.Result r = json(dir.toString());
        assertEquals(1, r.code(), r::toString);
        JsonNode targets = r.json().get("targets");
        assertEquals(dir + "/loud/Dockerfile", targets.get(0).get("file").asText());
        assertEquals(List.of("IG101"), Cli.ruleIds(targets.get(0)));
        assertEquals(dir + "/quiet/Dockerfile", targets.get(1).get("file").asText());
        assertEquals(List.of(), Cli.ruleIds(targets.get(1)));
    }

    @Test
    void configOptionOverridesTheFoundFile() {
        write(dir, "app/.initguard.yaml", "rules:\n  IG101: off\n");
        String f = write(dir, "app/Dockerfile", Cli.NO_INIT).toString();
        Path strict = write(dir, "ci/strict.yaml", "rules:\n  IG101: error\n");
        assertEquals(0, json(f).code());
        Cli.Result r = json("--config", strict.toString(), f);
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("IG101"), Cli.ruleIds(r.json().at("/targets/0")));
    }

    @Test
    void ruleOffRemovesItsFindings() {
        String f = write(dir, "Dockerfile", "FROM python:3.12\nCMD python app.py\n").toString();
        assertEquals(List.of("IG101", "IG102"), Cli.ruleIds(json(f).json().at("/targets/0")));
        write(dir, ".initguard.yaml", "rules:\n  IG102: off\n");
        assertEquals(List.of("IG101"), Cli.ruleIds(json(f).json().at("/targets/0")));
        write(dir, ".initguard.yaml", "rules:\n  IG102: {enabled: false}\n");
        assertEquals(List.of("IG101"), Cli.ruleIds(json(f).json().at("/targets/0")));
    }

    @Test
    void severityOverrideChangesTheExitCode() {
        String f = write(dir, "Dockerfile", "FROM python:3.12\nCMD python app.py\n").toString();
        write(dir, ".initguard.yaml", "rules:\n  IG101: off\n");
        Cli.Result before = json(f);
        assertEquals(0, before.code(), before::toString);
        assertEquals("warning", before.json().at("/targets/0/findings/0/severity").asText());

        write(dir, ".initguard.yaml", "rules:\n  IG101: off\n  IG102: error\n");
        Cli.Result after = json(f);
        assertEquals(1, after.code(), after::toString);
        assertEquals("IG102", after.json().at("/targets/0/findings/0/ruleId").asText());
        assertEquals("error", after.json().at("/targets/0/findings/0/severity").asText());

        write(dir, ".initguard.yaml", "rules:\n  IG101: off\n  IG102: {enabled: true, severity: error}\n");
        assertEquals(1, json(f).code());
    }

    @Test
    void severityCanBeLowered() {
        String f = write(dir, "Dockerfile", Cli.NO_INIT).toString();
        write(dir, ".initguard.yaml", "rules:\n  ig101: info\n");
        Cli.Result r = json(f);
        assertEquals(0, r.code(), r::toString);
        assertEquals("info", r.json().at("/targets/0/findings/0/severity").asText());
    }

    @Test
    void extraBaseImageMakesAnUnknownBaseKnown() {
        String f = write(dir, "Dockerfile", Cli.INFO_ONLY).toString();
        Cli.Result before = json(f);
        assertEquals("unknown", before.json().at("/targets/0/verdict").asText(), before::toString);
        assertEquals(List.of("IG106"), Cli.ruleIds(before.json().at("/targets/0")));

        write(dir, ".initguard.yaml", RUNTIME_IMAGE);
        Cli.Result after = json(f);
        assertEquals("no-init", after.json().at("/targets/0/verdict").asText(), after::toString);
        assertEquals("python", after.json().at("/targets/0/pid1").asText());
        assertEquals(List.of("IG101"), Cli.ruleIds(after.json().at("/targets/0")));
        assertEquals(1, after.code());
    }

    @Test
    void extraBaseImageWithAnInitEntrypoint() {
        String f = write(dir, "Dockerfile", Cli.INFO_ONLY).toString();
        write(dir, ".initguard.yaml", RUNTIME_IMAGE.replace("entrypoint: []",
                "entrypoint: [\"/usr/bin/tini\", \"--\"]"));
        Cli.Result r = json(f);
        assertEquals(0, r.code(), r::toString);
        assertEquals("init", r.json().at("/targets/0/verdict").asText());
        assertEquals("tini", r.json().at("/targets/0/init").asText());
    }

    @Test
    void extraInitIsRecognised() {
        String f = write(dir, "Dockerfile",
                "FROM debian:12\nENTRYPOINT [\"/usr/local/bin/myinit\", \"--\"]\nCMD [\"python\", \"app.py\"]\n")
                .toString();
        Cli.Result before = json(f);
        assertEquals("no-init", before.json().at("/targets/0/verdict").asText(), before::toString);
        assertEquals(1, before.code());

        write(dir, ".initguard.yaml", """
                inits:
                  - name: myinit
                    programs: [myinit]
                    paths: [/usr/local/bin/myinit]
                    packages: []
                    doubleDash: true
                    mustBePid1: true
                    optionsWithArg: []
                    flags: []
                    description: our own init
                    source: https://git.example.com/myinit
                """);
        Cli.Result after = json(f);
        assertEquals(0, after.code(), after::toString);
        assertEquals("init", after.json().at("/targets/0/verdict").asText());
        assertEquals("myinit", after.json().at("/targets/0/init").asText());
    }

    @Test
    void unknownKeyIsAnErrorNamingFileAndLine() {
        String f = write(dir, "Dockerfile", Cli.CLEAN).toString();
        Path cfg = write(dir, ".initguard.yaml", "rules:\n  IG101: off\nfailure_threshold: warning\n");
        Cli.Result r = run("lint", f);
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains(cfg + ":3: unknown key 'failure_threshold'"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void badSeverityInConfigIsAnError() {
        String f = write(dir, "Dockerfile", Cli.CLEAN).toString();
        Path cfg = write(dir, ".initguard.yaml", "rules:\n  IG101: fatal\n");
        Cli.Result r = run("lint", f);
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains(cfg + ":2: rule IG101"), r::toString);
    }

    @Test
    void emptyConfigChangesNothing() {
        String f = write(dir, "Dockerfile", Cli.NO_INIT).toString();
        write(dir, ".initguard.yaml", "# nothing yet\n");
        assertEquals(1, json(f).code());
    }

    @Test
    void thresholdFromTheConfigOption() {
        Path cfg = write(dir, "c.yaml", "failure-threshold: info\n");
        String f = write(dir, "Dockerfile", Cli.INFO_ONLY).toString();
        assertEquals(1, json("--config", cfg.toString(), f).code());
    }
}
