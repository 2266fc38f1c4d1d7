package io.initguard.core.image.layers;

import io.initguard.core.image.MediaTypes.Compression;
import io.initguard.core.image.layers.ImageFixtures.Tar;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerReaderTest {
    private static Tar sample() {
        return new Tar().dir("./usr").dir("./usr/bin").file("./usr/bin/run.sh", "#!/bin/sh\nexec app\n")
                .file("usr/bin/app", new byte[]{0x7f, 'E', 'L', 'F', 0, 0}, 0100755)
                .symlink("usr/bin/sh", "dash").hardlink("usr/bin/run2.sh", "./usr/bin/run.sh")
                .whiteout("etc/old.conf").opaque("var/cache");
    }

    private static void assertSample(LayerIndex index) {
        LayerEntry script = index.entries().get("/usr/bin/run.sh");
        assertEquals(EntryType.FILE, script.type());
        assertEquals("#!/bin/sh\nexec app\n", script.text());
        assertEquals(0755, script.mode() & 07777);
        assertEquals(19, script.size());
        LayerEntry app = index.entries().get("/usr/bin/app");
        assertNull(app.text());
        assertFalse(app.script());
        assertEquals(new LayerEntry("/usr/bin/sh", EntryType.SYMLINK, 0777, 0, "dash", null, false),
                index.entries().get("/usr/bin/sh"));
        assertEquals("/usr/bin/run.sh", index.entries().get("/usr/bin/run2.sh").linkTarget());
        assertEquals(EntryType.HARDLINK, index.entries().get("/usr/bin/run2.sh").type());
        assertEquals(EntryType.DIRECTORY, index.entries().get("/usr").type());
        assertEquals(List.of("/etc/old.conf"), index.whiteouts());
        assertEquals(List.of("/var/cache"), index.opaqueDirs());
        assertFalse(index.entries().containsKey("/etc/.wh.old.conf"));
        assertEquals(19, index.textBytes());
    }

    @Test
    void plainGzipAndZstdLayersGiveTheSameIndex() throws IOException {
        assertSample(LayerReader.read(new ByteArrayInputStream(sample().tar()), Compression.NONE));
        assertSample(LayerReader.read(new ByteArrayInputStream(sample().gzip()), Compression.GZIP));
        assertSample(LayerReader.read(new ByteArrayInputStream(sample().zstd()), Compression.ZSTD));
    }

    @Test
    void compressionIsDetectedByMagicBytes() throws IOException {
        assertSample(LayerReader.read(new ByteArrayInputStream(sample().tar()), Compression.DETECT));
        assertSample(LayerReader.read(new ByteArrayInputStream(sample().gzip()), Compression.DETECT));
        assertSample(LayerReader.read(new ByteArrayInputStream(sample().zstd()), Compression.DETECT));
        assertEquals(Compression.GZIP, LayerReader.detect(sample().gzip()));
        assertEquals(Compression.ZSTD, LayerReader.detect(sample().zstd()));
        assertEquals(Compression.NONE, LayerReader.detect(sample().tar()));
    }

    @Test
    void paxAndGnuLongNamesAndLinkTargets(@TempDir Path tmp) throws IOException {
        String longDir = "opt/" + "a-very-long-folder-name-".repeat(8);
        String path = longDir + "/entrypoint-with-a-long-name.sh";
        for (int mode : List.of(TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU)) {
            Tar t = new Tar(mode).file(path, "#!/bin/sh\necho hi\n").symlink("bin/entry", "/" + path);
            LayerIndex index = LayerReader.read(new ByteArrayInputStream(t.tar()), Compression.DETECT);
            assertEquals("#!/bin/sh\necho hi\n", index.entries().get("/" + path).text(), "mode " + mode);
            assertEquals("/" + path, index.entries().get("/bin/entry").linkTarget(), "mode " + mode);
            assertTrue(path.length() > 100);
            Path file = tmp.resolve("layer-" + mode + ".tar");
            Files.write(file, t.tar());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                LayerIndex fromDisk = LayerReader.read(ch, new TextBudget(1 << 20));
                assertEquals(index, fromDisk, "the random-access reader gives the same index, mode " + mode);
            }
        }
    }

    @Test
    void scriptTextIsCappedBySizeAndByBudget() throws IOException {
        String big = "#!/bin/sh\n" + "#".repeat(LayerReader.SCRIPT_LIMIT);
        Tar t = new Tar().file("big.sh", big).file("a.sh", "#!/bin/sh\na\n").file("b.sh", "#!/bin/sh\nb\n");
        LayerIndex index = LayerReader.read(new ByteArrayInputStream(t.tar()), Compression.NONE, new TextBudget(15));
        assertNull(index.entries().get("/big.sh").text(), "over 256 KiB: not looked at");
        assertFalse(index.entries().get("/big.sh").script());
        assertEquals("#!/bin/sh\na\n", index.entries().get("/a.sh").text());
        assertNull(index.entries().get("/b.sh").text(), "the budget of 15 bytes is spent by a.sh");
        assertTrue(index.entries().get("/b.sh").script());
    }

    @Test
    void aSeekableLayerSkipsTheDataOfABigFileWithoutReadingIt(@TempDir Path tmp) throws IOException {
        Path layer = tmp.resolve("layer.tar");
        long gib = 1L << 30;
        ImageFixtures.sparseLayer(layer, "data/huge.bin", gib, new Tar().file("entry.sh", "#!/bin/sh\nexec app\n"));
        try (FileChannel file = FileChannel.open(layer, StandardOpenOption.READ)) {
            CountingChannel ch = new CountingChannel(file);
            LayerIndex index = LayerReader.read(ch, new TextBudget(1 << 20));
            assertEquals(gib, index.entries().get("/data/huge.bin").size());
            assertEquals("#!/bin/sh\nexec app\n", index.entries().get("/entry.sh").text());
            assertTrue(ch.read < 64 * 1024, "read " + ch.read + " bytes");
        }
        assertTrue(Files.size(layer) > gib);
    }

    /** Counts the bytes read through it. */
    private static final class CountingChannel implements SeekableByteChannel {
        private final SeekableByteChannel inner;
        long read;

        CountingChannel(SeekableByteChannel inner) {
            this.inner = inner;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = inner.read(dst);
            if (n > 0) read += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return inner.position();
        }

        @Override
        public SeekableByteChannel position(long p) throws IOException {
            inner.position(p);
            return this;
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
