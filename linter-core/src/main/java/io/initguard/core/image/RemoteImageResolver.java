package io.initguard.core.image;

import io.initguard.core.resolve.ImageFile;
import io.initguard.core.resolve.ImageLookup;
import io.initguard.core.resolve.ImageResolver;
import io.initguard.core.resolve.ImageView;
import io.initguard.core.resolve.KnownImage;
import io.initguard.core.resolve.ProcessResolver;
import io.initguard.core.shell.ShellKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks images up where they live (a registry, or the local engine) for {@code lint --resolve-images}: the manifest
 * and config only, never a layer. Answers are cached on disk ({@link ImageCache}) and in memory for the run. A failure
 * is a {@link ImageLookup.NotFound} with the reason, never an exception; once the overall deadline has passed, no more
 * requests are made.
 */
public final class RemoteImageResolver implements ImageResolver {
    /** Where images are looked up. */
    public enum Transport {
        REGISTRY("docker://"), DOCKER_DAEMON("docker-daemon:");

        private final String prefix;

        Transport(String prefix) {
            this.prefix = prefix;
        }
    }

    private final ImageSources sources;
    private final Transport transport;
    private final ImageCache cache;
    private final Clock clock;
    private final Instant deadline;
    private final Duration budget;
    private final Map<String, ImageLookup> memo = new ConcurrentHashMap<>();

    /**
     * @param cache    null for none
     * @param deadline how long all lookups of the run may take together
     */
    public RemoteImageResolver(ImageSources sources, Transport transport, ImageCache cache, Duration deadline,
                               Clock clock) {
        this.sources = sources;
        this.transport = transport;
        this.cache = cache;
        this.clock = clock;
        this.budget = deadline;
        this.deadline = clock.instant().plus(deadline);
    }

    @Override
    public ImageLookup lookup(String reference) {
        return memo.computeIfAbsent(reference, this::fetch);
    }

    private ImageLookup fetch(String reference) {
        if (reference == null || reference.isBlank() || reference.contains("$")) {
            return new ImageLookup.NotFound("not an image reference that can be looked up");
        }
        String name = transport.prefix + reference;
        String key = name + " " + sources.options().platform();
        String where = transport == Transport.REGISTRY ? "its registry" : "the local Docker engine";
        if (cache != null) {
            int at = reference.indexOf("@sha256:");
            Optional<String> digest = at >= 0 ? Optional.of(reference.substring(at + 1)) : cache.digest(key);
            Optional<ImageConfig> cached = digest.flatMap(cache::config);
            if (cached.isPresent()) return found(reference, cached.get(), digest.get(), where + ", cached");
        }
        if (clock.instant().isAfter(deadline)) {
            return new ImageLookup.NotFound("not looked up: image resolution took longer than " + budget.toSeconds()
                    + " s in all");
        }
        try (ImageSource source = sources.open(name)) {
            ImageManifest manifest = source.manifest();
            ImageConfig config = source.config();
            if (cache != null) {
                cache.putConfig(manifest.digest(), config);
                cache.putDigest(key, manifest.digest());
            }
            return found(reference, config, manifest.digest(), where);
        } catch (ImageException e) {
            return new ImageLookup.NotFound("could not be looked up: " + e.getMessage());
        }
    }

    private static ImageLookup found(String reference, ImageConfig c, String digest, String where) {
        return new ImageLookup.Found(new KnownImage(reference,
                c.entrypoint() == null ? List.of() : c.entrypoint(), c.cmd() == null ? List.of() : c.cmd(),
                CONFIG_ONLY, List.of(), "its config from " + where + " (manifest " + digest
                + "; config only: the image's files are not read)"));
    }

    /**
     * An image known by its config only: nothing of its files. A program whose name says "script" (an
     * entrypoint script) is there but unread, so what it execs, and PID 1, stay unknown; other programs are taken as
     * the binaries they are named for.
     */
    private static final ImageView CONFIG_ONLY = new ImageView() {
        @Override
        public ShellKind binSh() {
            return ShellKind.UNKNOWN;
        }

        @Override
        public Optional<ImageFile> file(String program) {
            return ProcessResolver.looksLikeScript(program)
                    ? Optional.of(new ImageFile.Unreadable("the image's config", "only the config was looked up, not"
                    + " the files (scan the image to follow its scripts)"))
                    : Optional.empty();
        }
    };
}
