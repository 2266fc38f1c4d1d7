package io.initguard.core.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageCacheTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final ImageConfig CONFIG = new ImageConfig(List.of("/usr/bin/tini", "--"), List.of("app"),
            List.of("PATH=/usr/bin"), "app", "/srv", "SIGINT", Map.of("a", "b"), "linux", "amd64",
            List.of(new ImageConfig.History("COPY tini /usr/bin/tini", false)));

    @Test
    void configsAreKeptByDigest(@TempDir Path dir) {
        ImageCache cache = new ImageCache(dir, Duration.ofMinutes(15), Clock.systemUTC());
        assertEquals(Optional.empty(), cache.config(DIGEST));
        cache.putConfig(DIGEST, CONFIG);
        assertEquals(Optional.of(CONFIG), new ImageCache(dir, Duration.ZERO, Clock.systemUTC()).config(DIGEST));
    }

    @Test
    void tagsExpire(@TempDir Path dir) {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        new ImageCache(dir, Duration.ofMinutes(15), Clock.fixed(t0, ZoneOffset.UTC)).putDigest("docker://app:1", DIGEST);
        ImageCache later = new ImageCache(dir, Duration.ofMinutes(15),
                Clock.fixed(t0.plus(Duration.ofMinutes(14)), ZoneOffset.UTC));
        assertEquals(Optional.of(DIGEST), later.digest("docker://app:1"));
        assertEquals(Optional.empty(), later.digest("docker://app:2"));
        ImageCache tooLate = new ImageCache(dir, Duration.ofMinutes(15),
                Clock.fixed(t0.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
        assertEquals(Optional.empty(), tooLate.digest("docker://app:1"));
    }

    @Test
    void damagedEntriesAreIgnoredAndUnwritableCachesDoNotFail(@TempDir Path dir) throws Exception {
        ImageCache cache = new ImageCache(dir, Duration.ofMinutes(15), Clock.systemUTC());
        cache.putConfig(DIGEST, CONFIG);
        Path file = dir.resolve("configs").resolve(DIGEST.replace(':', '-') + ".json");
        assertTrue(Files.isRegularFile(file));
        Files.writeString(file, "{not json");
        assertEquals(Optional.empty(), cache.config(DIGEST));
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the cache folder should be");
        ImageCache unwritable = new ImageCache(blocked, Duration.ofMinutes(15), Clock.systemUTC());
        unwritable.putConfig(DIGEST, CONFIG);
        assertEquals(Optional.empty(), unwritable.config(DIGEST));
    }

    @Test
    void theDefaultFolderFollowsXdg() {
        Path d = ImageCache.defaultDir();
        assertTrue(d.endsWith(Path.of("initguard", "images")), d::toString);
    }
}
