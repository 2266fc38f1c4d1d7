package io.initguard.core.image.layout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageManifest;
import io.initguard.core.image.Platform;
import io.initguard.core.image.layers.ImageFixtures;
import io.initguard.core.image.layers.ImageFixtures.Layer;
import io.initguard.core.image.layers.ImageFixtures.Layout;
import io.initguard.core.image.layers.ImageFixtures.Tar;
import io.initguard.core.image.layers.LayeredImage;
import io.initguard.core.resolve.ImageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OciLayoutSourceTest {
    @TempDir
    Path tmp;

    private ObjectNode image(Layout layout, String arch, String script) throws IOException {
        ObjectNode config = ImageFixtures.config(List.of("/entry.sh"), List.of("run"), List.of(), null,
                List.of("COPY entry.sh /"));
        config.put("architecture", arch);
        return layout.image(config, List.of(Layer.gzip(new Tar().file("entry.sh", script))));
    }

    private static String message(Executable e) {
        return assertThrows(ImageException.class, e::run).getMessage();
    }

    interface Executable {
        void run() throws Exception;
    }

    @Test
    void theOnlyManifestWithoutRef() throws Exception {
        Layout layout = new Layout(tmp);
        layout.add(image(layout, "amd64", "#!/bin/sh\nexec app\n"), null);
        try (OciLayoutSource source = new OciLayoutSource(tmp, null, null)) {
            assertEquals(List.of("/entry.sh"), source.config().entrypoint());
            assertEquals("oci:" + tmp, source.name());
            LayeredImage img = new LayeredImage(source);
            assertEquals("#!/bin/sh\nexec app\n", ((ImageFile.Text) img.file("/entry.sh").orElseThrow()).content());
        }
    }

    @Test
    void refByAnnotationAndAMissingRefListsTheRefs() throws Exception {
        Layout layout = new Layout(tmp);
        layout.add(image(layout, "amd64", "#!/bin/sh\none\n"), "1.0").add(image(layout, "amd64", "#!/bin/sh\ntwo\n"), "2.0");
        LayeredImage two = new LayeredImage(new OciLayoutSource(tmp, "2.0", null));
        assertEquals("#!/bin/sh\ntwo\n", ((ImageFile.Text) two.file("/entry.sh").orElseThrow()).content());
        assertEquals("oci:" + tmp + ":3.0: no image named '3.0'; index.json names 1.0, 2.0",
                message(() -> new OciLayoutSource(tmp, "3.0", null).manifest()));
        assertEquals("oci:" + tmp + ": index.json lists 2 images; name one of: 1.0, 2.0",
                message(() -> new OciLayoutSource(tmp, null, null).manifest()));
    }

    @Test
    void platformChoiceInANestedIndexAndTheListOfPlatforms() throws Exception {
        Layout layout = new Layout(tmp);
        ObjectNode amd = ImageFixtures.onPlatform(image(layout, "amd64", "#!/bin/sh\namd\n"), "linux", "amd64");
        ObjectNode arm = ImageFixtures.onPlatform(image(layout, "arm64", "#!/bin/sh\narm\n"), "linux", "arm64");
        layout.add(layout.index(List.of(arm, amd)), "multi");
        try (OciLayoutSource source = new OciLayoutSource(tmp, "multi", null)) {
            assertEquals("amd64", source.config().architecture());
        }
        try (OciLayoutSource source = new OciLayoutSource(tmp, null, Platform.parse("linux/arm64"))) {
            assertEquals("arm64", source.config().architecture());
            LayeredImage img = new LayeredImage(source);
            assertEquals("#!/bin/sh\narm\n", ((ImageFile.Text) img.file("/entry.sh").orElseThrow()).content());
        }
        String m = message(() -> new OciLayoutSource(tmp, null, Platform.parse("linux/s390x")).manifest());
        assertTrue(m.startsWith("oci:" + tmp + ": index sha256:"), m);
        assertTrue(m.endsWith(" has no image for linux/s390x; it has linux/arm64, linux/amd64"), m);
    }

    @Test
    void aManifestWhoseDigestDoesNotMatchIsRefused() throws Exception {
        Layout layout = new Layout(tmp);
        ObjectNode d = image(layout, "amd64", "#!/bin/sh\n");
        layout.add(d, null);
        Path blob = tmp.resolve("blobs/sha256").resolve(d.get("digest").asText().substring(7));
        Files.writeString(blob, Files.readString(blob).replace("amd64", "AMD64"), java.nio.file.StandardOpenOption.APPEND);
        String m = message(() -> new OciLayoutSource(tmp, null, null).manifest());
        assertTrue(m.startsWith("oci:" + tmp + ": manifest " + d.get("digest").asText() + " does not match its content (sha256:"), m);
    }

    @Test
    void aConfigWhoseDigestDoesNotMatchIsRefused() throws Exception {
        Layout layout = new Layout(tmp);
        layout.add(image(layout, "amd64", "#!/bin/sh\n"), null);
        OciLayoutSource source = new OciLayoutSource(tmp, null, null);
        ImageManifest m = source.manifest();
        Files.writeString(tmp.resolve("blobs/sha256").resolve(m.config().digest().substring(7)), "{}");
        assertTrue(message(source::config).contains(": config " + m.config().digest() + " does not match"));
    }

    @Test
    void missingFolderIndexBlobAndBadJson() throws Exception {
        assertEquals("oci:" + tmp.resolve("nope") + ": no such folder " + tmp.resolve("nope"),
                message(() -> new OciLayoutSource(tmp.resolve("nope"), null, null)));
        assertEquals("oci:" + tmp + ": no index.json in " + tmp, message(() -> new OciLayoutSource(tmp, null, null).manifest()));
        Files.writeString(tmp.resolve("index.json"), "{\"manifests\": [");
        String bad = message(() -> new OciLayoutSource(tmp, null, null).manifest());
        assertTrue(bad.startsWith("oci:" + tmp + ": index.json is not JSON: "), bad);
        assertEquals(1, bad.lines().count());

        Layout layout = new Layout(tmp.resolve("l"));
        ObjectNode d = image(layout, "amd64", "#!/bin/sh\n");
        layout.add(d, null);
        LayeredImage img = new LayeredImage(new OciLayoutSource(layout.dir, null, null));
        for (Path p : Files.list(layout.dir.resolve("blobs/sha256")).toList()) {
            if (Files.size(p) > 0 && !Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("{")) {
                Files.delete(p);
            }
        }
        String missing = message(img::load);
        assertTrue(missing.startsWith("oci:" + layout.dir + ": no blobs/sha256/"), missing);
    }
}
