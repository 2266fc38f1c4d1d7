package io.initguard.core.image.layout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.layers.ImageFixtures;
import io.initguard.core.image.layers.ImageFixtures.Layer;
import io.initguard.core.image.layers.ImageFixtures.Layout;
import io.initguard.core.image.layers.ImageFixtures.Tar;
import io.initguard.core.image.layers.LayeredImage;
import io.initguard.core.resolve.ImageFile;
import io.initguard.core.shell.ShellKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** oci-archive: and docker-archive: tarballs, written by the test, read by offset. */
class ArchiveSourcesTest {
    @TempDir
    Path tmp;

    private static final Tar BASE = new Tar().dir("bin").file("bin/busybox", "\u007fELF").symlink("bin/sh", "busybox");

    private static Tar app() {
        return new Tar().file("entry.sh", "#!/bin/sh\nexec httpd -f\n");
    }

    private static ObjectNode config(List<byte[]> layerTars) {
        ObjectNode c = ImageFixtures.config(List.of("/bin/sh", "/entry.sh"), null, List.of(), null,
                List.of("ADD rootfs.tar /", "COPY entry.sh /"));
        ArrayNode diffIds = c.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        for (byte[] t : layerTars) diffIds.add(ImageFixtures.sha256(t));
        return c;
    }

    private static String message(ImageExecutable e) {
        return assertThrows(ImageException.class, e::run).getMessage();
    }

    interface ImageExecutable {
        void run() throws Exception;
    }

    @Test
    void ociArchiveIsReadFromTheTar() throws Exception {
        Path dir = tmp.resolve("layout");
        Layout layout = new Layout(dir);
        layout.add(layout.image(config(List.of()), List.of(Layer.zstd(BASE), Layer.gzip(app()))), "v1");
        Path archive = tmp.resolve("image.tar");
        ImageFixtures.tarFolder(dir, archive);
        try (OciArchiveSource source = new OciArchiveSource(archive, "v1", null)) {
            LayeredImage img = new LayeredImage(source);
            assertEquals(ShellKind.BUSYBOX, img.binSh());
            ImageFile.Text entry = (ImageFile.Text) img.file("/entry.sh").orElseThrow();
            assertEquals("#!/bin/sh\nexec httpd -f\n", entry.content());
            assertTrue(entry.origin().startsWith("layer 2 (") && entry.origin().contains("(COPY entry.sh /)"),
                    entry.origin());
        }
        assertEquals("oci-archive:" + archive + ":v2: no image named 'v2'; index.json names v1",
                message(() -> new OciArchiveSource(archive, "v2", null).manifest()));
        assertEquals("oci-archive:" + tmp.resolve("none.tar") + ": no such file " + tmp.resolve("none.tar"),
                message(() -> new OciArchiveSource(tmp.resolve("none.tar"), null, null)));
    }

    @Test
    void legacyDockerSaveWithLayerTarFolders() throws Exception {
        byte[] base = BASE.tar();
        byte[] top = app().tar();
        byte[] config = ImageFixtures.bytes(config(List.of(base, top, base)));
        String configHex = ImageFixtures.sha256(config).substring(7);
        ArrayNode manifest = ImageFixtures.JSON.createArrayNode();
        ObjectNode image = manifest.addObject().put("Config", configHex + ".json");
        image.putArray("RepoTags").add("example/app:1.0");
        image.putArray("Layers").add("aaaa/layer.tar").add("bbbb/layer.tar").add("cccc/layer.tar");
        Path archive = tmp.resolve("save.tar");
        Files.write(archive, new Tar().dir("aaaa").file("aaaa/layer.tar", base, 0100644).file("aaaa/VERSION", "1.0")
                .dir("bbbb").file("bbbb/layer.tar", top, 0100644)
                .dir("cccc").symlink("cccc/layer.tar", "../aaaa/layer.tar")
                .file(configHex + ".json", config, 0100644)
                .file("manifest.json", ImageFixtures.bytes(manifest), 0100644).tar());

        try (DockerArchiveSource source = new DockerArchiveSource(archive, "example/app:1.0")) {
            assertEquals(List.of("/bin/sh", "/entry.sh"), source.config().entrypoint());
            assertEquals(ImageFixtures.sha256(top), source.manifest().layers().get(1).digest());
            LayeredImage img = new LayeredImage(source);
            assertEquals(ShellKind.BUSYBOX, img.binSh());
            assertEquals("#!/bin/sh\nexec httpd -f\n", ((ImageFile.Text) img.file("/entry.sh").orElseThrow()).content());
            assertEquals(3, img.layersRead());
        }
        try (DockerArchiveSource source = new DockerArchiveSource(archive, "docker.io/example/app:1.0")) {
            assertEquals("sha256:" + configHex, source.manifest().digest());
        }
        assertEquals("docker-archive:" + archive + ":other:2: no image tagged 'other:2'; the archive has example/app:1.0",
                message(() -> new DockerArchiveSource(archive, "other:2").manifest()));
    }

    @Test
    void docker25SaveWithBlobs() throws Exception {
        byte[] base = BASE.tar();
        byte[] top = app().tar();
        byte[] config = ImageFixtures.bytes(config(List.of(base, top)));
        ArrayNode manifest = ImageFixtures.JSON.createArrayNode();
        for (String tag : List.of("one:1", "two:2")) {
            ObjectNode image = manifest.addObject().put("Config", "blobs/sha256/" + ImageFixtures.sha256(config).substring(7));
            image.putArray("RepoTags").add(tag);
            image.putArray("Layers").add("blobs/sha256/" + ImageFixtures.sha256(base).substring(7))
                    .add("blobs/sha256/" + ImageFixtures.sha256(top).substring(7));
        }
        Path archive = tmp.resolve("save25.tar");
        Tar tar = new Tar().dir("blobs").dir("blobs/sha256");
        for (byte[] blob : List.of(base, top, config)) {
            tar.file("blobs/sha256/" + ImageFixtures.sha256(blob).substring(7), blob, 0100644);
        }
        Files.write(archive, tar.file("manifest.json", ImageFixtures.bytes(manifest), 0100644)
                .file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}").tar());
        try (DockerArchiveSource source = new DockerArchiveSource(archive, "two:2")) {
            LayeredImage img = new LayeredImage(source);
            assertEquals("#!/bin/sh\nexec httpd -f\n", ((ImageFile.Text) img.file("/entry.sh").orElseThrow()).content());
            assertEquals(2, img.where("/entry.sh").orElseThrow().number());
        }
        assertEquals("docker-archive:" + archive + ": the archive holds 2 images; name one of: one:1, two:2",
                message(() -> new DockerArchiveSource(archive, null).manifest()));
    }

    @Test
    void aDockerArchiveConfigThatDoesNotMatchItsNameAndOtherBadArchives() throws Exception {
        String wrong = "0".repeat(64);
        ArrayNode manifest = ImageFixtures.JSON.createArrayNode();
        manifest.addObject().put("Config", wrong + ".json").putArray("Layers");
        Path archive = tmp.resolve("bad.tar");
        Files.write(archive, new Tar().file(wrong + ".json", "{}").file("manifest.json", ImageFixtures.bytes(manifest),
                0100644).tar());
        String m = message(() -> new DockerArchiveSource(archive, null).manifest());
        assertTrue(m.startsWith("docker-archive:" + archive + ": config " + wrong + ".json, digest sha256:" + wrong
                + " does not match its content"), m);

        Path notJson = tmp.resolve("notjson.tar");
        Files.write(notJson, new Tar().file("manifest.json", "[{oops").tar());
        assertTrue(message(() -> new DockerArchiveSource(notJson, null).manifest())
                .startsWith("docker-archive:" + notJson + ": manifest.json is not JSON: "));

        Path notTar = tmp.resolve("text.tar");
        Files.writeString(notTar, "hello\n".repeat(200));
        String t = message(() -> new DockerArchiveSource(notTar, null));
        assertTrue(t.startsWith("docker-archive:" + notTar + ": " + notTar + " is not a tar archive"), t);
        assertEquals(1, t.lines().count());
    }
}
