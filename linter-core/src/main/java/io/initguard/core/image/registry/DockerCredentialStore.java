package io.initguard.core.image.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.initguard.core.catalog.ImageRef;
import io.initguard.core.image.ImageException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The credentials {@code docker login} stored for a registry, read the way the Docker CLI reads them from
 * {@code config.json}: {@code credHelpers[registry]} first, then {@code credsStore}, then {@code auths} (a base64
 * {@code auth} of {@code user:password}, or {@code username}/{@code password}, or an {@code identitytoken}).
 * Helpers run as {@code docker-credential-NAME get} with the server on stdin and print
 * {@code {"Username": ..., "Secret": ...}}.
 */
final class DockerCredentialStore {
    /** How Docker Hub is keyed in config.json and named to helpers. */
    static final String HUB_SERVER = "https://index.docker.io/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path configFile;
    private final String helperPath;
    private final Duration helperTimeout;

    DockerCredentialStore(Path configFile, String helperPath, Duration helperTimeout) {
        this.configFile = configFile;
        this.helperPath = helperPath;
        this.helperTimeout = helperTimeout;
    }

    /** The stored credentials for the registry ({@code ImageRef.registry()} spelling), or null. */
    RegistryCredentials lookup(String registry) throws ImageException {
        JsonNode root = readConfig();
        if (root == null) return null;
        Set<String> keys = keys(registry);
        String server = registry.equals(ImageRef.DOCKER_HUB) ? HUB_SERVER : registry;
        JsonNode helpers = root.path("credHelpers");
        for (String key : keys) {
            if (helpers.path(key).isTextual()) return runHelper(helpers.path(key).asText(), server);
        }
        if (root.path("credsStore").isTextual() && !root.path("credsStore").asText().isEmpty()) {
            RegistryCredentials c = runHelper(root.path("credsStore").asText(), server);
            if (c != null) return c;
        }
        JsonNode auths = root.path("auths");
        for (var e : auths.properties()) {
            if (keys.contains(normalise(e.getKey()))) {
                RegistryCredentials c = fromAuthEntry(e.getValue());
                if (c != null) return c;
            }
        }
        return null;
    }

    private JsonNode readConfig() throws ImageException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(configFile);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ImageException(configFile + ": cannot read: " + e.getMessage());
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) throw new ImageException(configFile + ": not a JSON object");
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ImageException(configFile + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImageException(configFile + ": cannot read: " + e.getMessage());
        }
    }

    private RegistryCredentials fromAuthEntry(JsonNode entry) throws ImageException {
        String origin = configFile.toString();
        if (entry.path("identitytoken").isTextual() && !entry.path("identitytoken").asText().isEmpty()) {
            return new RegistryCredentials("<token>", entry.path("identitytoken").asText(), true, origin);
        }
        if (entry.path("auth").isTextual() && !entry.path("auth").asText().isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(entry.path("auth").asText().strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ImageException(configFile + ": an \"auth\" entry is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) throw new ImageException(configFile + ": an \"auth\" entry is not base64 of user:password");
            return new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1), false, origin);
        }
        if (entry.path("username").isTextual() && entry.path("password").isTextual()) {
            return new RegistryCredentials(entry.path("username").asText(), entry.path("password").asText(), false,
                    origin);
        }
        return null;
    }

    /** Runs {@code docker-credential-NAME get}; null when the helper has nothing for this server. */
    private RegistryCredentials runHelper(String name, String server) throws ImageException {
        String program = "docker-credential-" + name;
        String executable = findOnPath(program);
        if (executable == null) {
            throw new ImageException(configFile + " names credential helper " + program + ", which is not on PATH");
        }
        ProcessBuilder pb = new ProcessBuilder(executable, "get");
        if (helperPath != null) pb.environment().put("PATH", helperPath);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ImageException("cannot run " + program + ": " + e.getMessage());
        }
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(server.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the helper may exit without reading stdin
            }
            if (!p.waitFor(helperTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ImageException(program + " get did not answer within " + helperTimeout.toSeconds() + " s");
            }
            String stdout = new String(out.get(helperTimeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            String stderr = new String(err.get(helperTimeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                String msg = (stdout.isBlank() ? stderr : stdout).strip();
                if (msg.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) return null;
                throw new ImageException(program + " get failed (exit " + p.exitValue() + "): "
                        + msg.lines().findFirst().orElse(""));
            }
            JsonNode json;
            try {
                json = JSON.readTree(stdout);
            } catch (JsonProcessingException e) {
                throw new ImageException(program + " get printed something that is not JSON");
            }
            String user = json.path("Username").asText("");
            String secret = json.path("Secret").asText("");
            if (secret.isEmpty()) return null;
            return new RegistryCredentials(user, secret, user.equals("<token>"), program);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(program + " get was interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ImageException(program + " get: cannot read its output");
        } finally {
            p.destroyForcibly();
        }
    }

    private String findOnPath(String program) {
        String path = helperPath != null ? helperPath : System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate.toString();
        }
        return null;
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The config.json keys that mean this registry, normalised by {@link #normalise}. */
    private static Set<String> keys(String registry) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(registry);
        if (registry.equals(ImageRef.DOCKER_HUB)) {
            keys.addAll(List.of(HUB_SERVER, "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"));
        }
        return keys;
    }

    /** {@code https://registry.example/v1/} becomes {@code registry.example}; Docker Hub's key stays as it is. */
    static String normalise(String key) {
        if (key.equals(HUB_SERVER)) return key;
        String k = key;
        if (k.contains("://")) {
            try {
                URI u = URI.create(k);
                if (u.getHost() != null) return u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
            } catch (IllegalArgumentException ignored) {
                // fall through to the plain cut
            }
            k = k.substring(k.indexOf("://") + 3);
        }
        int slash = k.indexOf('/');
        return slash >= 0 ? k.substring(0, slash) : k;
    }
}
