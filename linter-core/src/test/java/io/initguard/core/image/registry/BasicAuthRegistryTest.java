package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.initguard.core.image.ImageException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

/** A registry with htpasswd (bcrypt) Basic auth: credentials from --creds, config.json and credential helpers. */
class BasicAuthRegistryTest {
    @TempDir
    static Path work;
    static RegistryFixture registry;
    static Path helpers;

    @BeforeAll
    static void start() throws Exception {
        RegistryFixture.requireTools("docker-registry", "skopeo", "htpasswd");
        Path htpasswd = work.resolve("htpasswd");
        Files.writeString(htpasswd, RegistryFixture.run(List.of("htpasswd", "-Bbn", "alice", "secret")).strip() + "\n");
        registry = RegistryFixture.start(work, "",
                "auth:\n  htpasswd:\n    realm: initguard-test\n    path: " + htpasswd + "\n");
        RegistryFixture.singleImage(work.resolve("app"), "1", "basic");
        registry.push(work.resolve("app"), "1", "app:1", "--dest-creds", "alice:secret");
        registry.push(work.resolve("app"), "1", "other:1", "--dest-creds", "alice:secret");

        helpers = Files.createDirectories(work.resolve("helpers"));
        Path helper = helpers.resolve("docker-credential-test");
        Files.writeString(helper, """
                #!/bin/sh
                read -r server
                printf '%s' "$server" > "$(dirname "$0")/asked"
                if [ "$1" = get ] && [ "$server" = "HOST" ]; then
                  printf '{"ServerURL":"%s","Username":"alice","Secret":"secret"}\\n' "$server"
                else
                  echo "credentials not found in native keychain"
                  exit 1
                fi
                """.replace("HOST", registry.host()));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) registry.close();
    }

    static RegistryOptions options(String dockerConfigJson) throws Exception {
        Path config = Files.createTempFile(work, "config", ".json");
        if (dockerConfigJson == null) Files.delete(config);
        else Files.writeString(config, dockerConfigJson);
        return RegistryOptions.defaults().withTlsVerify(false).withDockerConfig(config)
                .withHelperPath(helpers + ":/usr/bin:/bin");
    }

    String name(String repo) {
        return "docker://" + registry.host() + "/" + repo;
    }

    @Test
    void explicitCredentials() throws Exception {
        RegistryOptions options = options(null).withCredentials(RegistryCredentials.parse("alice:secret"));
        try (RegistryClient client = new RegistryClient(options)) {
            RegistrySource first = RegistrySource.open(registry.host() + "/app:1", client);
            assertEquals("basic", first.config().labels().get("marker"));
            assertEquals(3, first.requestCount(), "401 + manifest + config");
            RegistrySource second = RegistrySource.open(registry.host() + "/other:1", client);
            second.config();
            assertEquals(2, second.requestCount(), "Basic is sent up front once the registry asked for it");
        }
    }

    @Test
    void configJsonAuthsBase64() throws Exception {
        String auth = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
        RegistryOptions options = options("{\"auths\": {\"" + registry.host() + "\": {\"auth\": \"" + auth + "\"}}}");
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options)) {
            assertEquals("basic", source.config().labels().get("marker"));
        }
    }

    @Test
    void configJsonAuthsUsernamePasswordUnderAUrlKey() throws Exception {
        RegistryOptions options = options("{\"auths\": {\"http://" + registry.host()
                + "/v2/\": {\"username\": \"alice\", \"password\": \"secret\"}}}");
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options)) {
            assertEquals("basic", source.config().labels().get("marker"));
        }
    }

    @Test
    void credHelpersRunsTheHelperWithTheRegistryOnStdin() throws Exception {
        Files.deleteIfExists(helpers.resolve("asked"));
        RegistryOptions options = options("{\"credHelpers\": {\"" + registry.host() + "\": \"test\"}}");
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options)) {
            assertEquals("basic", source.config().labels().get("marker"));
        }
        assertEquals(registry.host(), Files.readString(helpers.resolve("asked")));
    }

    @Test
    void credsStoreIsTheHelperForEveryRegistry() throws Exception {
        RegistryOptions options = options("{\"credsStore\": \"test\", \"auths\": {\"" + registry.host() + "\": {}}}");
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options)) {
            assertEquals("basic", source.config().labels().get("marker"));
        }
    }

    @Test
    void aMissingHelperIsNamed() throws Exception {
        Path config = work.resolve("missing-helper.json");
        Files.writeString(config, "{\"credHelpers\": {\"" + registry.host() + "\": \"nothere\"}}");
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1",
                options(null).withDockerConfig(config))) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals(config + " names credential helper docker-credential-nothere, which is not on PATH",
                    e.getMessage());
        }
    }

    @Test
    void badCredentialsGiveOneLineWithTheStatus() throws Exception {
        RegistryOptions options = options(null).withCredentials(RegistryCredentials.parse("alice:wrong"));
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options)) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals(name("app:1") + ": authentication failed for user 'alice' from --creds (401 UNAUTHORIZED: "
                    + "authentication required)", e.getMessage());
            assertEquals(2, source.requestCount(), "one 401, one retry with the credentials");
        }
    }

    @Test
    void noCredentialsSaysSo() throws Exception {
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options(null))) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals(name("app:1") + ": the registry requires credentials and none were found (--creds, or "
                    + "docker login) (401 UNAUTHORIZED: authentication required)", e.getMessage());
        }
    }

    @Test
    void aBrokenConfigJsonNamesFileAndLine() throws Exception {
        RegistryOptions options = options("{\n  \"auths\": {\n    oops\n}");
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options)) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals(options.dockerConfig() + ":3: not valid JSON: ", e.getMessage().substring(0,
                    options.dockerConfig().toString().length() + 20));
        }
    }
}
