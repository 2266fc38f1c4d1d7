package io.initguard.core.config;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.engine.RuleSetting;
import io.initguard.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code .initguard.yaml} format and how the file is found. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Catalogs.empty());

    private Path file(String rel, String text) throws IOException {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Config load(String text) throws Exception {
        return loader.load(file(".initguard.yaml", text));
    }

    /** Loading fails with a one-line message that starts with {@code file:line:}. */
    private void assertFails(String text, int line, String fragment) throws IOException {
        Path f = file(".initguard.yaml", text);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().startsWith(f + ":" + line + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void defaults() {
        Config d = loader.defaults();
        assertNull(d.source());
        assertEquals(Map.of(), d.rules());
        assertNull(d.failureThreshold());
    }

    @Test
    void failureThreshold() throws Exception {
        assertEquals(Severity.WARNING, load("failure-threshold: warning\n").failureThreshold());
        assertEquals(Severity.INFO, load("failure-threshold: INFO\n").failureThreshold());
        assertEquals(Severity.ERROR, load("failure-threshold: error\n").failureThreshold());
        assertNull(load("rules: {}\n").failureThreshold());
    }

    @Test
    void ruleShorthands() throws Exception {
        Config c = load("""
                rules:
                  IG101: off
                  IG102: on
                  IG103: error
                  IG104: warning
                  IG105: info
                  IG106: false
                  IG107: true
                  ig108: Warning
                """);
        assertEquals(new RuleSetting(false, null), c.rules().get("IG101"));
        assertEquals(RuleSetting.DEFAULT, c.rules().get("IG102"));
        assertEquals(new RuleSetting(true, Severity.ERROR), c.rules().get("IG103"));
        assertEquals(new RuleSetting(true, Severity.WARNING), c.rules().get("IG104"));
        assertEquals(new RuleSetting(true, Severity.INFO), c.rules().get("IG105"));
        assertEquals(new RuleSetting(false, null), c.rules().get("IG106"));
        assertEquals(RuleSetting.DEFAULT, c.rules().get("IG107"));
        assertEquals(new RuleSetting(true, Severity.WARNING), c.rules().get("IG108"), "IDs are upper-cased");
        assertEquals(8, c.rules().size());
    }

    @Test
    void ruleObjectForm() throws Exception {
        Config c = load("""
                rules:
                  IG102: {enabled: true, severity: error}
                  IG103: {enabled: false}
                  IG104:
                    severity: info
                """);
        assertEquals(new RuleSetting(true, Severity.ERROR), c.rules().get("IG102"));
        assertEquals(new RuleSetting(false, null), c.rules().get("IG103"));
        assertEquals(new RuleSetting(true, Severity.INFO), c.rules().get("IG104"));
    }

    @Test
    void emptyFileIsTheDefaults() throws Exception {
        Path f = file(".initguard.yaml", "# nothing\n");
        Config c = loader.load(f);
        assertEquals(f, c.source());
        assertEquals(Map.of(), c.rules());
        assertNull(c.failureThreshold());
    }

    @Test
    void extraBaseImagesAndInits() throws Exception {
        Config c = load("""
                base-images:
                  - repository: registry.example.com/platform/runtime
                    tags: ["*"]
                    entrypoint: ["/usr/bin/tini", "--"]
                    cmd: []
                    shell: dash
                    source: https://git.example.com/platform/runtime/Dockerfile
                    checked: "2026-12-01"
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
        assertEquals(1, c.extra().baseImages().all().size());
        assertEquals(1, c.extra().inits().all().size());
        assertTrue(c.extra().inits().find("myinit").isPresent());
        assertTrue(c.extra().inits().find("/usr/local/bin/myinit").isPresent());
    }

    @Test
    void withoutCatalogueEntriesTheExtraCataloguesAreEmpty() throws Exception {
        Config c = load("rules: {IG101: off}\n");
        assertTrue(c.extra().baseImages().all().isEmpty());
        assertTrue(c.extra().inits().all().isEmpty());
    }

    @Test
    void unknownKeyNamesItsLine() throws IOException {
        assertFails("rules:\n  IG101: off\n\nfailure_threshold: warning\n", 4, "unknown key 'failure_threshold'");
    }

    @Test
    void badSeverityNamesItsLine() throws IOException {
        assertFails("failure-threshold: warning\nrules:\n  IG101: off\n  IG102: fatal\n", 4, "IG102");
        assertFails("rules: {}\nfailure-threshold: fatal\n", 2, "fatal");
        assertFails("rules:\n  IG102: {severity: loud}\n", 2, "loud");
    }

    @Test
    void badRuleValueNamesItsLine() throws IOException {
        assertFails("rules:\n  IG101: [off]\n", 2, "IG101");
        assertFails("rules: [IG101]\n", 1, "mapping");
    }

    @Test
    void topLevelMustBeAMapping() throws IOException {
        assertFails("- rules\n", 1, "mapping");
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        assertFails("rules:\n  IG101: off\n  IG102: [unclosed\n", 3, "not valid YAML"); // where the [ opened
        assertFails("rules:\n  IG101: off\n   IG102: on\n", 3, "not valid YAML");
    }

    @Test
    void badCatalogueEntryNamesTheFile() throws IOException {
        Path f = file(".initguard.yaml", "base-images:\n  - tags: 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("base-images"), e.getMessage());
    }

    @Test
    void unreadableFileIsAConfigException() {
        Path missing = dir.resolve("none.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read"), e.getMessage());
    }

    @Test
    void findWalksUpToTheNearestFile() throws IOException {
        Path top = file(".initguard.yaml", "rules: {}\n");
        Path deep = dir.resolve("a/b/c");
        Files.createDirectories(deep);
        assertEquals(Optional.of(top), loader.find(deep));
        assertEquals(Optional.of(top), new ConfigLoader(Catalogs.empty()).find(dir));
        Path mid = file("a/.initguard.yml", "rules: {}\n");
        assertEquals(Optional.of(mid), new ConfigLoader(Catalogs.empty()).find(deep));
    }

    @Test
    void findStopsAtTheFolderHoldingGit() throws IOException {
        file(".initguard.yaml", "rules: {}\n");
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Path deep = repo.resolve("src/app");
        Files.createDirectories(deep);
        assertEquals(Optional.empty(), loader.find(deep));
        assertEquals(Optional.empty(), loader.find(repo));
        // A config in the repository root itself is found.
        Path inRoot = file("repo/.initguard.yaml", "rules: {}\n");
        assertEquals(Optional.of(inRoot), new ConfigLoader(Catalogs.empty()).find(deep));
    }

    @Test
    void findStopsAtAGitFileToo() throws IOException {
        file(".initguard.yaml", "rules: {}\n");
        file("wt/.git", "gitdir: /elsewhere\n");
        Path deep = dir.resolve("wt/src");
        Files.createDirectories(deep);
        assertEquals(Optional.empty(), loader.find(deep));
    }

    @Test
    void findAcceptsRelativeFolders() throws IOException {
        Path top = file(".initguard.yaml", "rules: {}\n");
        Path rel = Path.of("").toAbsolutePath().relativize(dir.resolve("x"));
        Files.createDirectories(dir.resolve("x"));
        Optional<Path> found = loader.find(rel);
        assertTrue(found.isPresent());
        assertTrue(Files.isSameFile(top, found.get()), found::toString);
    }
}
