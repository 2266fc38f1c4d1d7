package io.initguard.cli;

import io.initguard.core.chart.ChartException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where ChartSupport looks for the Helm module's jar; loading the real jar is tested in the helm module (ChartSupportIT). */
class ChartSupportTest {

    @TempDir
    Path tmp;

    /** A source tree: mvnw at the top, the CLI's jar in linter-cli/target, maybe the helm jar in helm/target. */
    private Path sourceTree() throws IOException {
        touch(tmp.resolve("repo/mvnw"));
        return touch(tmp.resolve("repo/linter-cli/target/initguard.jar"));
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[0]);
    }

    @Test
    void environmentVariableComesFirst() throws Exception {
        Path cliJar = sourceTree();
        touch(tmp.resolve("repo/linter-cli/target/lib/initguard-helm.jar"));
        Path fromEnv = touch(tmp.resolve("elsewhere/my-helm.jar"));

        assertEquals(fromEnv, ChartSupport.find(fromEnv.toString(), cliJar));
    }

    @Test
    void environmentVariableNamingNoFileIsAnError() throws Exception {
        Path cliJar = sourceTree();
        touch(tmp.resolve("repo/helm/target/initguard-helm.jar"));

        ChartException e = assertThrows(ChartException.class,
                () -> ChartSupport.find(tmp.resolve("missing.jar").toString(), cliJar));
        assertTrue(e.getMessage().startsWith("INITGUARD_HELM_JAR=" + tmp.resolve("missing.jar") + ": no such file"),
                e.getMessage());
    }

    @Test
    void libFolderNextToTheJarComesBeforeTheSourceTree() throws Exception {
        Path cliJar = sourceTree();
        Path lib = touch(tmp.resolve("repo/linter-cli/target/lib/initguard-helm.jar"));
        touch(tmp.resolve("repo/helm/target/initguard-helm.jar"));

        assertEquals(lib, ChartSupport.find(null, cliJar));
        assertEquals(lib, ChartSupport.find(" ", cliJar));
    }

    @Test
    void sourceTreeIsFoundByWalkingUpToMvnw() throws Exception {
        Path cliJar = sourceTree();
        Path built = touch(tmp.resolve("repo/helm/target/initguard-helm.jar"));

        assertEquals(built, ChartSupport.find(null, cliJar));
        assertEquals(built, ChartSupport.find(null, Files.createDirectories(tmp.resolve("repo/linter-cli/target/classes"))));
    }

    @Test
    void candidatesAreInSearchOrder() throws Exception {
        Path cliJar = sourceTree();

        assertEquals(List.of(tmp.resolve("repo/linter-cli/target/lib/initguard-helm.jar"),
                tmp.resolve("repo/helm/target/initguard-helm.jar")), ChartSupport.candidates(cliJar));
        assertEquals(List.of(), ChartSupport.candidates(null));
    }

    @Test
    void installedJarWithoutSourceTreeHasOnlyTheLibCandidate() throws Exception {
        Path cliJar = touch(tmp.resolve("opt/initguard/initguard.jar"));

        assertEquals(List.of(tmp.resolve("opt/initguard/lib/initguard-helm.jar")), ChartSupport.candidates(cliJar));
    }

    @Test
    void absentModuleSaysWhatToInstall() throws Exception {
        Path cliJar = sourceTree();

        ChartException e = assertThrows(ChartException.class, () -> ChartSupport.find(null, cliJar));
        assertEquals("charts need the initguard-helm module, which is not installed: build it with"
                + " ./mvnw -pl helm -am package (or set INITGUARD_HELM_JAR)", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void jarWithoutARendererIsAnError() throws Exception {
        Path jar = tmp.resolve("empty.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, new Manifest())) {
            // an empty but valid jar
        }

        ChartException e = assertThrows(ChartException.class, () -> ChartSupport.load(jar));
        assertTrue(e.getMessage().startsWith(jar + ": holds no chart renderer"), e.getMessage());
    }
}
