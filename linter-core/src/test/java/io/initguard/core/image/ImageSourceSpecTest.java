package io.initguard.core.image;

import io.initguard.core.catalog.ImageRef;
import io.initguard.core.image.ImageSourceSpec.DockerArchive;
import io.initguard.core.image.ImageSourceSpec.DockerDaemon;
import io.initguard.core.image.ImageSourceSpec.OciArchive;
import io.initguard.core.image.ImageSourceSpec.OciLayout;
import io.initguard.core.image.ImageSourceSpec.Registry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageSourceSpecTest {
    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ImageSourceSpec.parse(text)).getMessage();
    }

    @Test
    void registryWithOrWithoutTransport() {
        Registry python = new Registry(ImageRef.parse("python:3.12"));
        assertEquals(python, ImageSourceSpec.parse("docker://python:3.12"));
        assertEquals(python, ImageSourceSpec.parse("python:3.12"));
        assertEquals(python, ImageSourceSpec.parse("docker.io/library/python:3.12"));
        assertEquals("docker://docker.io/library/python:3.12", python.name());
        assertEquals(new Registry(ImageRef.parse("localhost:5000/app")), ImageSourceSpec.parse("localhost:5000/app"));
    }

    @Test
    void daemonNamesAndIds() {
        assertEquals(new DockerDaemon("busybox:latest"), ImageSourceSpec.parse("docker-daemon:busybox:latest"));
        assertEquals(new DockerDaemon("sha256:0123456789abcdef"), ImageSourceSpec.parse("docker-daemon:sha256:0123456789abcdef"));
        assertEquals("docker-daemon:app", ImageSourceSpec.parse("docker-daemon:app").name());
    }

    @Test
    void filesWithAndWithoutRef() {
        assertEquals(new DockerArchive(Path.of("/tmp/app.tar"), null), ImageSourceSpec.parse("docker-archive:/tmp/app.tar"));
        assertEquals(new DockerArchive(Path.of("app.tar"), "app:1.0"), ImageSourceSpec.parse("docker-archive:app.tar:app:1.0"));
        assertEquals(new OciArchive(Path.of("img.tar"), "v1"), ImageSourceSpec.parse("oci-archive:img.tar:v1"));
        assertEquals(new OciLayout(Path.of("/srv/layout"), null), ImageSourceSpec.parse("oci:/srv/layout"));
        assertEquals(new OciLayout(Path.of("layout"), "latest"), ImageSourceSpec.parse("oci:layout:latest"));
        assertEquals("oci:layout:latest", ImageSourceSpec.parse("oci:layout:latest").name());
    }

    @Test
    void badNamesGiveOneLine() {
        assertEquals("image name is empty", error(" "));
        assertEquals("not an image name: 'oci:': oci: needs a path", error("oci:"));
        assertEquals("not an image name: 'oci-archive::v1': oci-archive: needs a path", error("oci-archive::v1"));
        assertEquals("not an image name: 'docker-archive:a.tar:': the reference after the path is empty",
                error("docker-archive:a.tar:"));
        assertEquals("not an image name: 'docker-daemon:': docker-daemon: needs an image name or ID", error("docker-daemon:"));
        assertEquals("not an image name: 'dir:/tmp/x': the transport 'dir' is not supported; use docker://, "
                + "docker-daemon:, docker-archive:, oci-archive: or oci:", error("dir:/tmp/x"));
        assertEquals("not an image name: 'docker:python': write docker://REF for a registry image", error("docker:python"));
        String upper = error("docker://Python");
        assertEquals(1, upper.lines().count());
        assertEquals(true, upper.startsWith("not an image name: 'docker://Python': "), upper);
    }
}
