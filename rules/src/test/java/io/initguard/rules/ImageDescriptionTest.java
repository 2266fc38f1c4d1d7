package io.initguard.rules;

import io.initguard.core.image.ImageException;
import io.initguard.core.image.layers.LayeredImage;
import io.initguard.core.image.layout.OciLayoutSource;
import io.initguard.core.resolve.ImageFile;
import io.initguard.core.shell.ShellKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image descriptions of the IG4xx fixtures become real OCI layouts that initguard reads back as described. */
class ImageDescriptionTest {
    @Test
    void theLayoutHoldsWhatTheDescriptionSays(@TempDir Path dir) throws IOException, ImageException {
        String yaml = """
                config: {Entrypoint: ["/entrypoint.sh"], Cmd: ["/app"], Env: ["PATH=/usr/bin:/bin"]}
                layers:
                  - /bin/busybox: binary
                    /bin/sh: {link: busybox}
                    /usr/bin/tini: binary
                  - /entrypoint.sh: "#!/bin/sh\\nexec \\"$@\\"\\n"
                    /app: binary
                    /usr/bin/tini: whiteout
                """;
        ImageDescription.parse("t.image.yaml", yaml).writeLayout(dir);
        try (OciLayoutSource source = new OciLayoutSource(dir, null, null)) {
            LayeredImage image = new LayeredImage(source);
            assertEquals(List.of("/entrypoint.sh"), image.config().entrypoint());
            assertEquals(List.of("/usr/bin", "/bin"), image.config().path());
            assertEquals(2, image.manifest().layers().size());
            assertEquals("#!/bin/sh\nexec \"$@\"\n",
                    assertInstanceOf(ImageFile.Text.class, image.file("/entrypoint.sh").orElseThrow()).content());
            assertInstanceOf(ImageFile.Opaque.class, image.file("/app").orElseThrow());
            assertEquals(ShellKind.BUSYBOX, image.binSh());
            assertTrue(image.file("/usr/bin/tini").isEmpty(), "the whiteout removes tini");
        }
    }

    @Test
    void badDescriptionsNameFileAndLine() {
        String yaml = "config: {Cmd: [\"/app\"]}\nlayers:\n  - /app: binary\n    /x: {copy: /y}\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageDescription.parse("bad.image.yaml", yaml));
        assertEquals("bad.image.yaml:4: /x: use binary, dir, whiteout, {link: TARGET}, {hardlink: /PATH} or the"
                + " file's text", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ImageDescription.parse("c.image.yaml", "# c\nconfig: {Cmd: \"/app\"}\n"));
        assertEquals("c.image.yaml:2: config: Cmd must be a list of strings", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ImageDescription.parse("d.image.yaml", "config: {}\nlayer: []\n"));
        assertEquals("d.image.yaml:2: unknown key 'layer'; an image has config: and layers:", e.getMessage());
    }
}
