package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initguard.core.image.ImageException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A registry serving HTTPS with a certificate signed by a test CA (made with openssl). */
class TlsRegistryTest {
    @TempDir
    static Path work;
    static RegistryFixture registry;
    static Path ca;

    @BeforeAll
    static void start() throws Exception {
        RegistryFixture.requireTools("docker-registry", "skopeo", "openssl");
        ca = work.resolve("ca.pem");
        Path caKey = work.resolve("ca.key");
        Path key = work.resolve("server.key");
        Path csr = work.resolve("server.csr");
        Path cert = work.resolve("server.pem");
        Path ext = work.resolve("ext.cnf");
        Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        RegistryFixture.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                caKey.toString(), "-out", ca.toString(), "-days", "2", "-subj", "/CN=initguard-test-ca"));
        RegistryFixture.run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", csr.toString(), "-subj", "/CN=127.0.0.1"));
        RegistryFixture.run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey",
                caKey.toString(), "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile",
                ext.toString()));
        registry = RegistryFixture.start(work, "  tls:\n    certificate: " + cert + "\n    key: " + key + "\n", "");
        RegistryFixture.singleImage(work.resolve("app"), "1", "tls");
        registry.push(work.resolve("app"), "1", "app:1");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) registry.close();
    }

    static RegistryOptions options() {
        return RegistryOptions.defaults().withDockerConfig(work.resolve("no-config.json"));
    }

    @Test
    void theTestCaFileMakesTheCertificateTrusted() throws Exception {
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options().withCaFile(ca))) {
            assertEquals("tls", source.config().labels().get("marker"));
            assertEquals(2, source.requestCount());
        }
    }

    @Test
    void withoutTheCaTheCertificateIsRefused() throws Exception {
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options())) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertTrue(e.getMessage().startsWith("docker://" + registry.host() + "/app:1: TLS with " + registry.host()
                    + " failed: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(give the registry's CA file, or turn TLS verification off)"),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void tlsVerifyFalseAcceptsAnyCertificate() throws Exception {
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options().withTlsVerify(false))) {
            assertEquals("tls", source.config().labels().get("marker"));
            assertEquals(2, source.requestCount());
        }
    }

    @Test
    void aCaFileThatIsNotPemIsNamed() throws Exception {
        Path bad = work.resolve("bad-ca.pem");
        Files.writeString(bad, "not a certificate\n");
        ImageException e = assertThrows(ImageException.class, () -> new RegistryClient(options().withCaFile(bad)));
        assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
    }
}
