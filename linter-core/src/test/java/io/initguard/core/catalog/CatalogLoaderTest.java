package io.initguard.core.catalog;

import io.initguard.core.shell.ShellKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogLoaderTest {
    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String INITS = """
            inits:
              - name: tini
                programs: [tini, tini-static]
                paths: [/usr/bin/tini, /sbin/tini]
                packages: [tini]
                doubleDash: true
                mustBePid1: true
                optionsWithArg: [-p, -e]
                flags: [-s, -g]
                description: a tiny init
                source: https://example.org/tini
              - name: s6-overlay
                paths: [/init]
                doubleDash: false
                mustBePid1: true
                description: s6
                source: https://example.org/s6
            """;

    private static final String IMAGES = """
            images:
              - repository: docker.io/library/python
                tags: ["*-alpine*"]
                cmd: [python3]
                shell: busybox
                source: https://example.org/python-alpine
                checked: "2026-12-01"
              - repository: python
                tags: ["*"]
                cmd: [python3]
                shell: dash
                scripts:
                  /x.sh: |
                    #!/bin/sh
                    exec "$@"
                source: https://example.org/python
                checked: "2026-12-01"
              - repository: gcr.io/distroless/*
                tags: ["*debug*"]
                entrypoint: [/busybox/sh]
                shell: busybox
                source: https://example.org/distroless
                checked: "2026-12-01"
              - repository: gcr.io/distroless/java*
                tags: ["*"]
                entrypoint: [/usr/bin/java, -jar]
                shell: none
                source: https://example.org/java
                checked: "2026-12-01"
            """;

    @Test
    void initsFindByPathThenProgram() {
        InitCatalog c = InitCatalog.load(yaml(INITS), "inits.yaml");
        assertEquals("tini", c.find("/usr/bin/tini").orElseThrow().name());
        assertEquals("tini", c.find("tini").orElseThrow().name());
        assertEquals("tini", c.find("/opt/bin/tini-static").orElseThrow().name());
        assertEquals("tini", c.find("//usr/./bin/tini").orElseThrow().name());
        assertEquals("s6-overlay", c.find("/init").orElseThrow().name());
        assertTrue(c.find("init").isEmpty());
        assertTrue(c.find("/sbin/init").isEmpty());
        assertTrue(c.find("/usr/local/bin/init").isEmpty());
        assertTrue(c.find("").isEmpty());
        assertTrue(c.find("python").isEmpty());
        assertEquals("tini", c.byPackage("tini").orElseThrow().name());
        assertEquals("s6-overlay", c.byName("s6-overlay").orElseThrow().name());
        assertEquals(List.of("-p", "-e"), c.byName("tini").orElseThrow().optionsWithArg());
        assertEquals(List.of("-s", "-g"), c.byName("tini").orElseThrow().flags());
        assertEquals(2, c.all().size());
    }

    @Test
    void extraInitsWin() {
        InitCatalog base = InitCatalog.load(yaml(INITS), "inits.yaml");
        InitCatalog extra = InitCatalog.load(yaml("""
                inits:
                  - name: tini
                    programs: [tini]
                    paths: [/custom/tini]
                    doubleDash: false
                    mustBePid1: false
                    description: overridden
                    source: config
                  - name: mine
                    programs: [myinit]
                    paths: [/sbin/tini]
                    doubleDash: true
                    mustBePid1: true
                    description: mine
                    source: config
                """), "initguard.yaml");
        InitCatalog merged = base.merge(extra);
        assertEquals("overridden", merged.byName("tini").orElseThrow().description());
        assertEquals("mine", merged.find("/sbin/tini").orElseThrow().name());
        assertEquals("overridden", merged.find("/custom/tini").orElseThrow().description());
        assertTrue(merged.find("tini-static").isEmpty(), "the replaced entry's programs are gone");
        assertEquals("s6-overlay", merged.find("/init").orElseThrow().name());
        assertEquals(List.of("tini", "mine", "s6-overlay"), merged.all().stream().map(InitSpec::name).toList());
    }

    @Test
    void baseImageLookup() {
        BaseImageCatalog c = BaseImageCatalog.load(yaml(IMAGES), "base-images.yaml");
        assertEquals("python", c.all().getFirst().repository(), "repositories are normalised");
        BaseImage alpine = c.lookup(ImageRef.parse("python:3.12-alpine")).orElseThrow();
        assertEquals(ShellKind.BUSYBOX, alpine.shell());
        BaseImage slim = c.lookup(ImageRef.parse("docker.io/library/python:3.12-slim")).orElseThrow();
        assertEquals(ShellKind.DASH, slim.shell());
        assertEquals(List.of("python3"), slim.cmd());
        assertEquals("#!/bin/sh\nexec \"$@\"\n", slim.scripts().get("/x.sh"));
        assertEquals(ShellKind.DASH, c.lookup(ImageRef.parse("python@sha256:" + "b".repeat(64))).orElseThrow().shell(),
                "a digest-only reference takes the catch-all entry");
        assertEquals(List.of("/usr/bin/java", "-jar"),
                c.lookup(ImageRef.parse("gcr.io/distroless/java21-debian12:nonroot")).orElseThrow().entrypoint());
        assertEquals(List.of("/busybox/sh"),
                c.lookup(ImageRef.parse("gcr.io/distroless/static:debug")).orElseThrow().entrypoint());
        assertEquals(List.of("/usr/bin/java", "-jar"),
                c.lookup(ImageRef.parse("gcr.io/distroless/java21:debug")).orElseThrow().entrypoint(),
                "the longer family prefix is tried first");
        assertTrue(c.lookup(ImageRef.parse("gcr.io/distroless/static:nonroot")).isEmpty());
        assertTrue(c.lookup(ImageRef.parse("gcr.io/distrolessx/static:debug")).isEmpty());
        assertTrue(c.lookup(ImageRef.parse("ruby:3")).isEmpty());
    }

    @Test
    void extraBaseImagesWin() {
        BaseImageCatalog base = BaseImageCatalog.load(yaml(IMAGES), "base-images.yaml");
        BaseImageCatalog extra = BaseImageCatalog.load(yaml("""
                images:
                  - repository: python
                    tags: ["3.12-slim"]
                    entrypoint: [tini, --]
                    cmd: [python3]
                    shell: bash
                    inits: [tini]
                    source: config
                    checked: "2026-11-30"
                """), "initguard.yaml");
        BaseImageCatalog merged = base.merge(extra);
        assertEquals(ShellKind.BASH, merged.lookup(ImageRef.parse("python:3.12-slim")).orElseThrow().shell());
        assertEquals(ShellKind.DASH, merged.lookup(ImageRef.parse("python:3.11-slim")).orElseThrow().shell());
        assertEquals(base.all().size() + 1, merged.all().size());
    }

    @Test
    void globs() {
        assertTrue(BaseImageCatalog.globMatches("*", "anything"));
        assertTrue(BaseImageCatalog.globMatches("3.*-alpine*", "3.12-alpine3.20"));
        assertFalse(BaseImageCatalog.globMatches("3.*-alpine*", "3.12-slim"));
        assertTrue(BaseImageCatalog.globMatches("1.2?", "1.27"));
        assertFalse(BaseImageCatalog.globMatches("1.2", "1x2"), "'.' is literal");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        CatalogException e = assertThrows(CatalogException.class, () -> InitCatalog.load(yaml("""
                inits:
                  - name: tini
                    programs: [tini
                    paths: [/usr/bin/tini]
                """), "broken.yaml"));
        assertTrue(e.getMessage().startsWith("broken.yaml:"), e.getMessage());
        assertTrue(e.location().line() >= 3, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void unknownKeyNamesLineAndKey() {
        CatalogException e = assertThrows(CatalogException.class, () -> BaseImageCatalog.load(yaml("""
                images:
                  - repository: python
                    tags: ["*"]
                    shell: dash
                    entrypont: [x]
                    source: s
                    checked: "2026-12-01"
                """), "base-images.yaml"));
        assertEquals(5, e.location().line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("base-images.yaml:5:"), e.getMessage());
        assertTrue(e.reason().contains("unknown key 'entrypont'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        CatalogException typed = assertThrows(CatalogException.class, () -> BaseImageCatalog.load(yaml("""
                images:
                  - repository: python
                    tags: ["*"]
                    shell: dash
                    cmd: {a: b}
                    source: s
                    checked: "2026-12-01"
                """), "base-images.yaml"));
        assertTrue(typed.getMessage().startsWith("base-images.yaml:5:5: in 'cmd': "), typed.getMessage());
        assertFalse(typed.getMessage().contains("\n"), typed.getMessage());
    }

    @Test
    void invalidValuesPointAtTheirEntry() {
        CatalogException shell = assertThrows(CatalogException.class, () -> BaseImageCatalog.load(yaml("""
                images:
                  - repository: python
                    tags: ["*"]
                    shell: dash
                    source: s
                    checked: "2026-12-01"
                  - repository: node
                    tags: ["*"]
                    shell: zsh
                    source: s
                    checked: "2026-12-01"
                """), "b.yaml"));
        assertEquals("b.yaml:7:5: image 'node': 'shell' is 'zsh'; expected one of dash, bash, busybox, none",
                shell.getMessage());
        CatalogException noTags = assertThrows(CatalogException.class, () -> BaseImageCatalog.load(yaml("""
                images:
                  - repository: node
                    shell: dash
                    source: s
                    checked: "2026-12-01"
                """), "b.yaml"));
        assertTrue(noTags.getMessage().contains("at least one tag"), noTags.getMessage());
        CatalogException badDate = assertThrows(CatalogException.class, () -> BaseImageCatalog.load(yaml("""
                images:
                  - repository: node
                    tags: ["*"]
                    shell: dash
                    source: s
                    checked: yesterday
                """), "b.yaml"));
        assertTrue(badDate.getMessage().contains("'checked'"), badDate.getMessage());
        CatalogException badRepo = assertThrows(CatalogException.class, () -> BaseImageCatalog.load(yaml("""
                images:
                  - repository: Node
                    tags: ["*"]
                    shell: dash
                    source: s
                    checked: "2026-12-01"
                """), "b.yaml"));
        assertTrue(badRepo.getMessage().contains("lowercase"), badRepo.getMessage());
        CatalogException clash = assertThrows(CatalogException.class, () -> InitCatalog.load(yaml("""
                inits:
                  - name: a
                    programs: [x]
                    doubleDash: true
                    mustBePid1: true
                    description: a
                    source: s
                  - name: b
                    programs: [x]
                    doubleDash: true
                    mustBePid1: true
                    description: b
                    source: s
                """), "i.yaml"));
        assertEquals("i.yaml:8:5: program x of 'b' is already listed under 'a'", clash.getMessage());
        CatalogException missing = assertThrows(CatalogException.class, () -> InitCatalog.load(yaml("""
                inits:
                  - name: a
                    programs: [x]
                    mustBePid1: true
                    description: a
                    source: s
                """), "i.yaml"));
        assertEquals("i.yaml:2:5: init 'a': missing 'doubleDash'", missing.getMessage());
        CatalogException empty = assertThrows(CatalogException.class, () -> InitCatalog.load(yaml(""), "e.yaml"));
        assertTrue(empty.getMessage().startsWith("e.yaml:1:1: the catalogue is empty"), empty.getMessage());
        CatalogException wrongRoot = assertThrows(CatalogException.class,
                () -> InitCatalog.load(yaml("images: []\n"), "w.yaml"));
        assertTrue(wrongRoot.getMessage().startsWith("w.yaml:1:"), wrongRoot.getMessage());
    }
}
