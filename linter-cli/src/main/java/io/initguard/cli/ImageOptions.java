package io.initguard.cli;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.Config;
import io.initguard.core.image.ImageCache;
import io.initguard.core.image.ImageSources;
import io.initguard.core.image.Platform;
import io.initguard.core.image.RemoteImageResolver;
import io.initguard.core.image.daemon.DockerDaemonSource;
import io.initguard.core.image.registry.RegistryCredentials;
import io.initguard.core.image.registry.RegistryOptions;
import io.initguard.core.lint.Resolvers;
import io.initguard.core.resolve.ImageResolver;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How images are read, for {@code scan} and {@code lint --resolve-images}: platform, credentials, TLS, time. */
final class ImageOptions {
    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "The platform to pick from a multi-platform image (default: linux/amd64).")
    String platform;

    @Option(names = "--creds", paramLabel = "USER:PASSWORD",
            description = "Registry credentials (else ~/.docker/config.json: auths, credsStore, credHelpers).")
    String creds;

    @Option(names = "--tls-verify", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "Verify registry certificates (default: true); false also allows plain HTTP, for local"
                    + " registries.")
    boolean tlsVerify = true;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust the CA certificates in this file too.")
    Path caFile;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Per request to a registry (default: 10s) or the Docker engine (default: 30s), e.g. 5s.")
    String timeout;

    /** The image sources of a run, and how a config's images are looked up. Close it to release connections. */
    record Resolution(ImageSources sources, Resolvers.ImageResolverFactory factory) implements AutoCloseable {
        @Override
        public void close() {
            sources.close();
        }
    }

    /** The sources, with these options; {@code --timeout} also bounds the Docker engine's answers. */
    ImageSources sources(CommandLine cl) {
        return new ImageSources(registryOptions(cl), timeout == null ? DockerDaemonSource.DEFAULT_TIMEOUT
                : duration(cl, "--timeout", timeout));
    }

    RegistryOptions registryOptions(CommandLine cl) {
        RegistryOptions o = RegistryOptions.defaults().withTlsVerify(tlsVerify);
        try {
            if (platform != null) o = o.withPlatform(Platform.parse(platform));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--platform: " + e.getMessage());
        }
        if (creds != null) {
            try {
                o = o.withCredentials(RegistryCredentials.parse(creds));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--creds: " + e.getMessage());
            }
        }
        if (caFile != null) {
            if (!Files.isRegularFile(caFile)) throw new CommandLine.ParameterException(cl, "--ca-file: no such file: "
                    + caFile);
            o = o.withCaFile(caFile);
        }
        if (timeout != null) o = o.withTimeout(duration(cl, "--timeout", timeout));
        return o;
    }

    /**
     * The sources, and the image resolver factory: the catalogue, then (with {@code --resolve-images} or
     * {@code resolve-images: true} in the config that applies) the images themselves through {@code transport}.
     */
    Resolution resolution(CommandLine cl, boolean resolveImages, RemoteImageResolver.Transport transport,
                          String deadline, String cacheTtl) {
        ImageSources sources = sources(cl);
        Duration total = deadline == null ? Duration.ofSeconds(60) : duration(cl, "--resolve-deadline", deadline);
        Duration ttl = cacheTtl == null ? ImageCache.DEFAULT_TAG_TTL : duration(cl, "--image-cache-ttl", cacheTtl);
        RemoteImageResolver remote = new RemoteImageResolver(sources, transport,
                new ImageCache(ImageCache.defaultDir(), ttl, Clock.systemUTC()), total, Clock.systemUTC());
        Resolvers.ImageResolverFactory factory = (Catalogs catalogs, Config config) -> {
            ImageResolver catalogue = ImageResolver.catalog(catalogs.baseImages());
            boolean on = config.resolveImages() != null ? config.resolveImages() : resolveImages;
            return on ? catalogue.orElse(remote) : catalogue;
        };
        return new Resolution(sources, factory);
    }

    /** {@code 10s}, {@code 500ms}, {@code 15m}, {@code 1h}, or ISO-8601 ({@code PT10S}). */
    static Duration duration(CommandLine cl, String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("0")) return Duration.ZERO;
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            if (t.endsWith("m")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, option + ": not a duration (10s, 500ms, 15m, 1h): " + text);
        }
    }
}
