package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageConfig;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageManifest;
import io.initguard.core.image.MediaTypes;
import io.initguard.core.image.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A registry without auth, over plain HTTP (so {@code tlsVerify=false}, as skopeo needs for it too). */
class OpenRegistryTest {
    @TempDir
    static Path work;
    static RegistryFixture registry;
    static RegistryFixture.Image app;
    static List<RegistryFixture.Image> multi;
    static RegistryFixture.Image tamperedConfig;
    static RegistryFixture.Image tamperedLayer;
    static RegistryFixture.Image tamperedManifest;

    @BeforeAll
    static void start() throws Exception {
        registry = RegistryFixture.start(work, "", "");
        app = RegistryFixture.singleImage(work.resolve("app"), "1", "app");
        registry.push(work.resolve("app"), "1", "app:1");
        registry.push(work.resolve("app"), "1", "v2s2:1", "--format", "v2s2");
        multi = RegistryFixture.multiPlatformImage(work.resolve("multi"), "1",
                List.of(Platform.LINUX_AMD64, new Platform("linux", "arm64", "v8")), "multi");
        registry.push(work.resolve("multi"), "1", "multi:1", "--all");
        tamperedConfig = RegistryFixture.singleImage(work.resolve("tc"), "1", "tampered-config");
        registry.push(work.resolve("tc"), "1", "tampered-config:1");
        tamperedLayer = RegistryFixture.singleImage(work.resolve("tl"), "1", "tampered-layer");
        registry.push(work.resolve("tl"), "1", "tampered-layer:1");
        tamperedManifest = RegistryFixture.singleImage(work.resolve("tm"), "1", "tampered-manifest");
        registry.push(work.resolve("tm"), "1", "tampered-manifest:1");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) registry.close();
    }

    static RegistryOptions options() {
        return RegistryOptions.defaults().withTlsVerify(false).withDockerConfig(work.resolve("no-config.json"));
    }

    RegistrySource open(String repoAndRef) throws ImageException {
        return RegistrySource.open("docker://" + registry.host() + "/" + repoAndRef, options());
    }

    @Test
    void configOnlyTakesTheManifestAndTheConfig() throws Exception {
        try (RegistrySource source = open("app:1")) {
            assertEquals("docker://" + registry.host() + "/app:1", source.name());
            assertEquals(0, source.requestCount(), "nothing is fetched before manifest()");
            ImageConfig config = source.config();
            assertEquals(List.of("/app.sh"), config.entrypoint());
            assertEquals(List.of("run"), config.cmd());
            assertEquals("app", config.labels().get("marker"));
            ImageManifest manifest = source.manifest();
            assertEquals(app.manifestDigest(), manifest.digest());
            assertEquals(MediaTypes.OCI_MANIFEST, manifest.mediaType());
            assertEquals(app.configDigest(), manifest.config().digest());
            assertEquals(List.of(app.layerDigest()), manifest.layers().stream().map(Descriptor::digest).toList());
            assertEquals(2, source.requestCount(), "manifest + config");
            source.config();
            assertEquals(2, source.requestCount(), "the config is fetched once");
        }
    }

    @Test
    void aLayerIsReadOnlyWhenAskedForAndChecked() throws Exception {
        try (RegistrySource source = open("app:1")) {
            Descriptor layer = source.manifest().layers().getFirst();
            assertEquals(1, source.requestCount());
            byte[] bytes;
            try (InputStream in = source.openBlob(layer)) {
                bytes = in.readAllBytes();
            }
            assertArrayEquals(app.layer(), bytes);
            assertEquals(2, source.requestCount());
        }
    }

    @Test
    void anIndexIsResolvedToTheChosenPlatform() throws Exception {
        try (RegistrySource source = open("multi:1")) {
            assertEquals("multi-amd64", source.config().labels().get("marker"));
            assertEquals(multi.get(0).manifestDigest(), source.manifest().digest());
            assertEquals(3, source.requestCount(), "index + manifest + config");
        }
        RegistryOptions arm = options().withPlatform(Platform.parse("linux/arm64"));
        try (RegistrySource source = RegistrySource.open(registry.host() + "/multi:1", arm)) {
            assertEquals("multi-arm64", source.config().labels().get("marker"));
            assertEquals(multi.get(1).manifestDigest(), source.manifest().digest());
        }
    }

    @Test
    void aMissingPlatformNamesThoseThereAre() throws Exception {
        RegistryOptions s390x = options().withPlatform(Platform.parse("linux/s390x"));
        try (RegistrySource source = RegistrySource.open(registry.host() + "/multi:1", s390x)) {
            ImageException e = assertThrows(ImageException.class, source::manifest);
            assertEquals("docker://" + registry.host() + "/multi:1: no manifest for linux/s390x in the index; it has "
                    + "linux/amd64, linux/arm64/v8", e.getMessage());
        }
    }

    @Test
    void aDigestReferenceFetchesByDigest() throws Exception {
        try (RegistrySource source = open("app@" + app.manifestDigest())) {
            assertEquals(app.manifestDigest(), source.manifest().digest());
            assertEquals(List.of("/app.sh"), source.config().entrypoint());
            assertEquals(2, source.requestCount());
        }
        try (RegistrySource source = open("multi@" + multi.get(1).manifestDigest())) {
            assertEquals("multi-arm64", source.config().labels().get("marker"), "a digest names one manifest");
        }
    }

    @Test
    void aDockerV2Schema2Manifest() throws Exception {
        try (RegistrySource source = open("v2s2:1")) {
            ImageManifest manifest = source.manifest();
            assertEquals(MediaTypes.DOCKER_MANIFEST, manifest.mediaType());
            assertEquals(MediaTypes.DOCKER_LAYER_GZIP, manifest.layers().getFirst().mediaType());
            assertEquals(List.of("/app.sh"), source.config().entrypoint());
            assertEquals(2, source.requestCount());
        }
    }

    @Test
    void anUnknownImageGivesTheRegistrysMessage() throws Exception {
        try (RegistrySource source = open("nope:1")) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals("docker://" + registry.host() + "/nope:1: manifest unknown (404 MANIFEST_UNKNOWN: manifest "
                    + "unknown)", e.getMessage());
        }
        try (RegistrySource source = open("app:2")) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals("docker://" + registry.host() + "/app:2: manifest unknown (404 MANIFEST_UNKNOWN: manifest "
                    + "unknown)", e.getMessage());
        }
    }

    @Test
    void aTamperedConfigIsRefused() throws Exception {
        flipLastByte(registry.blobFile(tamperedConfig.configDigest()));
        try (RegistrySource source = open("tampered-config:1")) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertTrue(e.getMessage().startsWith("docker://" + registry.host() + "/tampered-config:1: the config "
                    + "blob does not match its digest " + tamperedConfig.configDigest() + " (got sha256:"),
                    e.getMessage());
        }
    }

    @Test
    void aTamperedLayerFailsAtItsEnd() throws Exception {
        flipLastByte(registry.blobFile(tamperedLayer.layerDigest()));
        try (RegistrySource source = open("tampered-layer:1");
             InputStream in = source.openBlob(source.manifest().layers().getFirst())) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("blob does not match its digest " + tamperedLayer.layerDigest()),
                    e.getMessage());
        }
    }

    @Test
    void aTamperedManifestIsRefusedByTagAndByDigest() throws Exception {
        Path file = registry.blobFile(tamperedManifest.manifestDigest());
        String json = Files.readString(file);
        String configHex = tamperedManifest.configDigest().substring(7);
        String other = configHex.substring(0, 63) + (configHex.endsWith("0") ? "1" : "0");
        Files.writeString(file, json.replace(configHex, other));
        try (RegistrySource source = open("tampered-manifest@" + tamperedManifest.manifestDigest())) {
            ImageException e = assertThrows(ImageException.class, source::manifest);
            assertTrue(e.getMessage().contains("the manifest does not match its digest "
                    + tamperedManifest.manifestDigest()), e.getMessage());
        }
        try (RegistrySource source = open("tampered-manifest:1")) {
            ImageException e = assertThrows(ImageException.class, source::manifest);
            assertTrue(e.getMessage().contains("the manifest does not match its digest "
                    + tamperedManifest.manifestDigest()), e.getMessage());
        }
    }

    @Test
    void aSharedClientCountsEveryImage() throws Exception {
        try (RegistryClient client = new RegistryClient(options())) {
            RegistrySource a = RegistrySource.open(registry.host() + "/app:1", client);
            RegistrySource b = RegistrySource.open(registry.host() + "/multi:1", client);
            a.config();
            b.config();
            assertEquals(2, a.requestCount());
            assertEquals(3, b.requestCount());
            assertEquals(5, client.requestCount());
            assertEquals(0, client.tokenRequestCount());
        }
    }

    @Test
    void withTlsVerificationAPlainHttpRegistryIsAnError() throws Exception {
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options().withTlsVerify(true))) {
            ImageException e = assertThrows(ImageException.class, source::manifest);
            assertTrue(e.getMessage().startsWith("docker://" + registry.host() + "/app:1: TLS with " + registry.host()
                    + " failed: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    private static void flipLastByte(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length - 1] ^= 1;
        Files.write(file, b);
    }
}
