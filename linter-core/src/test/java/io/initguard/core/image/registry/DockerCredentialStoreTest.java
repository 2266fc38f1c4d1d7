package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** config.json lookups that need no registry: Docker Hub's keys, URL keys, identity tokens. */
class DockerCredentialStoreTest {
    @TempDir
    Path work;

    private DockerCredentialStore store(String json) throws Exception {
        Path config = work.resolve("config.json");
        Files.writeString(config, json);
        return new DockerCredentialStore(config, "/nonexistent", Duration.ofSeconds(5));
    }

    @Test
    void dockerHubIsKeyedByItsIndexUrl() throws Exception {
        String auth = Base64.getEncoder().encodeToString("bob:pw".getBytes());
        DockerCredentialStore s = store("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth + "\"}}}");
        RegistryCredentials c = s.lookup("docker.io");
        assertEquals("bob", c.username());
        assertEquals("pw", c.secret());
        assertNull(s.lookup("ghcr.io"));
        assertEquals("registry-1.docker.io", RegistryClient.apiHost("docker.io"));
        assertEquals("ghcr.io", RegistryClient.apiHost("ghcr.io"));
    }

    @Test
    void urlKeysAndIdentityTokens() throws Exception {
        DockerCredentialStore s = store("{\"auths\":{\"https://registry.example:5000/v2/\":{\"identitytoken\":\"rt\"}}}");
        RegistryCredentials c = s.lookup("registry.example:5000");
        assertEquals(true, c.identityToken());
        assertEquals("rt", c.secret());
        assertNull(s.lookup("registry.example"));
    }

    @Test
    void aMissingFileMeansNoCredentials() throws Exception {
        assertNull(new DockerCredentialStore(work.resolve("absent.json"), null, Duration.ofSeconds(5))
                .lookup("docker.io"));
    }
}
