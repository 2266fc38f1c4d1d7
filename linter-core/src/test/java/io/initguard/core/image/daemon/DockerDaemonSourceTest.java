package io.initguard.core.image.daemon;

import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.MediaTypes;
import io.initguard.core.image.layers.LayerIndex;
import io.initguard.core.image.layers.LayerReader;
import io.initguard.core.image.layers.LayeredImage;
import io.initguard.core.resolve.ImageFile;
import io.initguard.core.shell.ShellKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docker-daemon: against a real Docker engine (scripts/test-services.sh starts one): an image made with
 * {@code docker import} from a busybox-static root file system, and one built FROM it with a COPY. Without a
 * reachable engine these tests fail when {@code CI=true} and are skipped otherwise.
 */
class DockerDaemonSourceTest {
    private static final String BASE = "initguard-core-test/daemon-busybox:1";
    private static final String TWO = "initguard-core-test/daemon-two-layers:1";

    @TempDir
    static Path work;

    @BeforeAll
    static void images() throws Exception {
        Result info = run(null, "docker", "info", "--format", "{{.ServerVersion}}");
        if (info.status() != 0) {
            String why = "Docker is not reachable (docker info: " + info.output().strip() + ")";
            if ("true".equals(System.getenv("CI"))) fail(why + "; CI must start dockerd before ./mvnw verify");
            System.err.println("DockerDaemonSourceTest skipped: " + why);
            Assumptions.abort(why + "; set CI=true to make this a failure");
        }
        Path root = Files.createDirectories(work.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), root.resolve("busybox"));
        Files.createSymbolicLink(root.resolve("sh"), Path.of("busybox"));
        Files.writeString(work.resolve("rootfs/entry.sh"), "#!/bin/sh\nexec httpd -f -p 8080\n");
        Result imported = run(null, "sh", "-c", "tar -C \"$1\" -c . | docker import --change "
                + "'ENTRYPOINT [\"/bin/sh\",\"/entry.sh\"]' --change 'ENV PATH=/bin' --change 'USER 1000' - \"$2\"",
                "sh", work.resolve("rootfs").toString(), BASE);
        assertEquals(0, imported.status(), imported.output());

        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("two.sh"), "#!/bin/sh\necho two\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM " + BASE + "\nCOPY two.sh /two.sh\nSTOPSIGNAL SIGINT\n");
        Result built = run("0", "docker", "build", "-q", "-t", TWO, context.toString());
        assertEquals(0, built.status(), built.output());
    }

    @AfterAll
    static void removeImages() throws Exception {
        if (run(null, "docker", "info").status() == 0) run(null, "docker", "rmi", "-f", TWO, BASE);
    }

    @Test
    void configAndAScriptFromTheLayers() throws Exception {
        try (DockerDaemonSource source = new DockerDaemonSource(BASE)) {
            assertEquals(List.of("/bin/sh", "/entry.sh"), source.config().entrypoint());
            assertEquals("1000", source.config().user());
            assertEquals(List.of("/bin"), source.config().path());
            assertEquals(1, source.manifest().layers().size());
            LayeredImage img = new LayeredImage(source);
            assertEquals(0, img.layersRead());
            assertEquals(ShellKind.BUSYBOX, img.binSh());
            ImageFile.Text entry = (ImageFile.Text) img.file("/entry.sh").orElseThrow();
            assertEquals("#!/bin/sh\nexec httpd -f -p 8080\n", entry.content());
            assertTrue(img.file("busybox").orElseThrow() instanceof ImageFile.Opaque);
            assertEquals(1, img.layersRead());
        }
    }

    @Test
    void layersOfABuiltImageAreMatchedToTheirPlace() throws Exception {
        try (DockerDaemonSource source = new DockerDaemonSource(TWO)) {
            assertEquals("SIGINT", source.config().stopSignal());
            LayeredImage img = new LayeredImage(source);
            ImageFile.Text two = (ImageFile.Text) img.file("/two.sh").orElseThrow();
            assertEquals("#!/bin/sh\necho two\n", two.content());
            assertTrue(two.origin().startsWith("layer 2 (") && two.origin().contains("(COPY file:"), two.origin());
            assertEquals(1, img.where("/entry.sh").orElseThrow().number());
            assertEquals(2, img.layersRead());

            Descriptor top = source.manifest().layers().get(1);
            try (InputStream in = source.openBlob(top)) {
                LayerIndex index = LayerReader.read(in, MediaTypes.Compression.DETECT);
                assertEquals(List.of("/two.sh"), new ArrayList<>(index.entries().keySet()));
            }
        }
    }

    @Test
    void aMissingImageIsOneLine() {
        try (DockerDaemonSource source = new DockerDaemonSource("initguard-core-test/nope:1")) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals("docker-daemon:initguard-core-test/nope:1: no such image", e.getMessage());
        } catch (ImageException e) {
            fail(e);
        }
    }

    @Test
    void anUnreachableEngineIsOneLine() throws Exception {
        Path socket = work.resolve("no-engine.sock");
        DockerDaemonSource source = new DockerDaemonSource(BASE, URI.create("unix://" + socket), Duration.ofSeconds(5));
        String m = assertThrows(ImageException.class, source::manifest).getMessage();
        assertTrue(m.startsWith("docker-daemon:" + BASE + ": cannot reach the Docker engine at unix://" + socket + ": "), m);
        assertEquals(1, m.lines().count(), m);
        source.close();
    }

    private record Result(int status, String output) {
    }

    /** Runs a command; {@code buildkit} sets DOCKER_BUILDKIT (the classic builder needs no buildx plugin). */
    private static Result run(String buildkit, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (buildkit != null) pb.environment().put("DOCKER_BUILDKIT", buildkit);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
