package io.initguard.core.image;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What image resolution learnt, kept on disk between runs: image configs by manifest digest (content never changes,
 * kept for good), and which digest a tag named (kept for a short, configurable time, since tags move). Files are
 * written to a temporary name and renamed, so concurrent runs never read half a file; a damaged entry is ignored.
 *
 * <pre>
 * DIR/configs/sha256-HEX.json   the ImageConfig of that manifest
 * DIR/tags/HEX.json             {"name": ..., "digest": ..., "fetched": epoch seconds}, HEX = sha256 of the name
 * </pre>
 */
public final class ImageCache {
    /** Tags are trusted this long by default. */
    public static final Duration DEFAULT_TAG_TTL = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Duration tagTtl;
    private final Clock clock;

    public ImageCache(Path dir, Duration tagTtl, Clock clock) {
        this.dir = dir;
        this.tagTtl = tagTtl;
        this.clock = clock;
    }

    /** {@code $XDG_CACHE_HOME/initguard/images}, else {@code ~/.cache/initguard/images}. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("initguard").resolve("images");
    }

    public Path dir() {
        return dir;
    }

    private record TagEntry(String name, String digest, long fetched) {
    }

    /** The manifest digest {@code name} (a source name with its platform) had, if learnt recently enough. */
    public Optional<String> digest(String name) {
        Path f = dir.resolve("tags").resolve(sha256(name) + ".json");
        try {
            TagEntry e = JSON.readValue(f.toFile(), TagEntry.class);
            if (!name.equals(e.name())) return Optional.empty();
            Instant fetched = Instant.ofEpochSecond(e.fetched());
            if (fetched.plus(tagTtl).isBefore(clock.instant()) || fetched.isAfter(clock.instant().plusSeconds(60))) {
                return Optional.empty();
            }
            return Optional.of(e.digest());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void putDigest(String name, String digest) {
        write(dir.resolve("tags").resolve(sha256(name) + ".json"),
                new TagEntry(name, digest, clock.instant().getEpochSecond()));
    }

    /** The config of the manifest with this digest, if cached. */
    public Optional<ImageConfig> config(String manifestDigest) {
        Path f = dir.resolve("configs").resolve(fileName(manifestDigest) + ".json");
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(f.toFile(), ImageConfig.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void putConfig(String manifestDigest, ImageConfig config) {
        write(dir.resolve("configs").resolve(fileName(manifestDigest) + ".json"), config);
    }

    /** A cache that cannot be written is no reason to fail a run: the entry is simply not kept. */
    private static void write(Path file, Object value) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), ".", ".tmp");
            Files.write(tmp, JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // not kept
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static String fileName(String digest) {
        if (!digest.matches("[a-z0-9]+:[a-f0-9]{32,}")) return sha256(digest);
        return digest.replace(':', '-');
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
