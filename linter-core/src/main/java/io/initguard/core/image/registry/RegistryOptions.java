package io.initguard.core.image.registry;

import io.initguard.core.image.Platform;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@link RegistrySource} talks to registries.
 *
 * @param platform       the platform picked from a multi-platform index ({@code linux/amd64} by default)
 * @param credentials    explicit credentials ({@code --creds}); null to look them up in {@code dockerConfig}
 * @param dockerConfig   Docker's {@code config.json} ({@code auths}, {@code credsStore}, {@code credHelpers}); a
 *                       missing file means no stored credentials
 * @param caFile         extra trusted CA certificates (PEM) besides the JDK's; null for none
 * @param tlsVerify      false accepts any certificate and lets a registry fall back to plain HTTP when HTTPS fails
 *                       (like skopeo's {@code --tls-verify=false})
 * @param requestTimeout the most one request may take, from sending to its whole body (layers: the most a read
 *                       may wait for data)
 * @param connectTimeout the most a TCP connection may take to open
 * @param helperPath     the PATH in which {@code docker-credential-*} helpers are looked up and run; null for this
 *                       process's PATH
 */
public record RegistryOptions(Platform platform, RegistryCredentials credentials, Path dockerConfig, Path caFile,
                              boolean tlsVerify, Duration requestTimeout, Duration connectTimeout,
                              String helperPath) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public RegistryOptions {
        if (platform == null) platform = Platform.LINUX_AMD64;
        if (dockerConfig == null) dockerConfig = defaultDockerConfig();
        if (requestTimeout == null) requestTimeout = DEFAULT_TIMEOUT;
        if (connectTimeout == null) connectTimeout = DEFAULT_TIMEOUT;
        if (requestTimeout.isNegative() || requestTimeout.isZero() || connectTimeout.isNegative()
                || connectTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** linux/amd64, no explicit credentials, Docker's config.json, TLS verified, 10 s timeouts. */
    public static RegistryOptions defaults() {
        return new RegistryOptions(null, null, null, null, true, null, null, null);
    }

    public RegistryOptions withPlatform(Platform p) {
        return new RegistryOptions(p, credentials, dockerConfig, caFile, tlsVerify, requestTimeout, connectTimeout,
                helperPath);
    }

    public RegistryOptions withCredentials(RegistryCredentials c) {
        return new RegistryOptions(platform, c, dockerConfig, caFile, tlsVerify, requestTimeout, connectTimeout,
                helperPath);
    }

    public RegistryOptions withDockerConfig(Path file) {
        return new RegistryOptions(platform, credentials, file, caFile, tlsVerify, requestTimeout, connectTimeout,
                helperPath);
    }

    public RegistryOptions withCaFile(Path pem) {
        return new RegistryOptions(platform, credentials, dockerConfig, pem, tlsVerify, requestTimeout,
                connectTimeout, helperPath);
    }

    public RegistryOptions withTlsVerify(boolean verify) {
        return new RegistryOptions(platform, credentials, dockerConfig, caFile, verify, requestTimeout,
                connectTimeout, helperPath);
    }

    /** Sets both the request and the connect timeout. */
    public RegistryOptions withTimeout(Duration timeout) {
        return new RegistryOptions(platform, credentials, dockerConfig, caFile, tlsVerify, timeout, timeout,
                helperPath);
    }

    public RegistryOptions withHelperPath(String path) {
        return new RegistryOptions(platform, credentials, dockerConfig, caFile, tlsVerify, requestTimeout,
                connectTimeout, path);
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public static Path defaultDockerConfig() {
        String dir = System.getenv("DOCKER_CONFIG");
        if (dir != null && !dir.isEmpty()) return Path.of(dir, "config.json");
        return Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }
}
