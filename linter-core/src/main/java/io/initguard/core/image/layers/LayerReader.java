package io.initguard.core.image.layers;

import com.github.luben.zstd.ZstdInputStream;
import io.initguard.core.image.MediaTypes.Compression;
import io.initguard.core.model.ImagePath;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Indexes one layer: a tar stream (plain, gzip or zstd), read once, front to back, never written to disk.
 *
 * <p>For every entry it keeps path, type, mode, size and link target; whiteout markers ({@code .wh.NAME}) and opaque
 * directory markers ({@code .wh..wh..opq}) are kept apart. Of file data it reads only the first two bytes of regular
 * files of at most {@link #SCRIPT_LIMIT} bytes, and the rest of those that start with {@code #!} (scripts), while the
 * {@link TextBudget} lasts. Bigger files are not looked at. Reading stops at the tar end-of-archive marker: whatever
 * follows it (record padding, trailing garbage) is neither read nor decompressed.
 *
 * <p>From a {@link SeekableByteChannel} (an uncompressed layer on disk) only the headers and the scripts are read;
 * the data of other files is skipped by moving the position, so a 1 GiB file in such a layer costs nothing.
 */
public final class LayerReader {
    /** Regular files up to this size are looked at for {@code #!}. */
    public static final int SCRIPT_LIMIT = 256 * 1024;
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private LayerReader() {
    }

    /** Indexes a layer with a fresh budget of {@link TextBudget#DEFAULT_BYTES}. */
    public static LayerIndex read(InputStream in, Compression compression) throws IOException {
        return read(in, compression, new TextBudget(TextBudget.DEFAULT_BYTES));
    }

    /**
     * Indexes a layer stream; {@link Compression#DETECT} looks at its first bytes (gzip {@code 1f 8b}, zstd
     * {@code 28 b5 2f fd}, else plain tar). The stream is not closed.
     */
    public static LayerIndex read(InputStream in, Compression compression, TextBudget budget) throws IOException {
        InputStream raw = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        Compression actual = compression == Compression.DETECT ? detect(raw) : compression;
        InputStream data = switch (actual) {
            case GZIP -> new GZIPInputStream(raw, 1 << 16);
            case ZSTD -> new ZstdInputStream(raw);
            default -> raw;
        };
        TarArchiveInputStream tar = new TarArchiveInputStream(data);
        Builder builder = new Builder(budget);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            builder.add(entry, tar);
        }
        return builder.build();
    }

    /**
     * Indexes an uncompressed layer with random access: headers are read, the data of files other than small
     * scripts is skipped without reading it. The channel is not closed.
     */
    public static LayerIndex read(SeekableByteChannel tarChannel, TextBudget budget) throws IOException {
        Builder builder = new Builder(budget);
        TarFile tar = new TarFile(new Unclosable(tarChannel));
        for (TarArchiveEntry entry : tar.getEntries()) {
            if (entry.isFile() && entry.getSize() >= 2 && entry.getSize() <= SCRIPT_LIMIT) {
                try (InputStream data = tar.getInputStream(entry)) {
                    builder.add(entry, data);
                }
            } else {
                builder.add(entry, InputStream.nullInputStream());
            }
        }
        return builder.build();
    }

    /** The compression a stream's first bytes show; the stream must support mark. */
    public static Compression detect(InputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        return detect(head);
    }

    /** The compression the first (up to four) bytes of a blob show. */
    public static Compression detect(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return Compression.GZIP;
        if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return Compression.ZSTD;
        }
        return Compression.NONE;
    }

    /** Reads the channel's first four bytes and puts its position back to 0. */
    static Compression detect(SeekableByteChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        channel.position(0);
        while (head.hasRemaining() && channel.read(head) > 0) {
            // read until four bytes or the end
        }
        channel.position(0);
        byte[] bytes = new byte[head.position()];
        head.flip().get(bytes);
        return detect(bytes);
    }

    private static final class Builder {
        private final TextBudget budget;
        private final Map<String, LayerEntry> entries = new LinkedHashMap<>();
        private final List<String> whiteouts = new ArrayList<>();
        private final List<String> opaque = new ArrayList<>();
        private long textBytes;

        Builder(TextBudget budget) {
            this.budget = budget;
        }

        void add(TarArchiveEntry entry, InputStream data) throws IOException {
            String path = ImagePath.normalise("/" + entry.getName());
            if (path.equals("/")) return;
            int slash = path.lastIndexOf('/');
            String parent = slash == 0 ? "/" : path.substring(0, slash);
            String base = path.substring(slash + 1);
            if (base.equals(OPAQUE)) {
                opaque.add(parent);
                return;
            }
            if (base.startsWith(WHITEOUT)) {
                whiteouts.add((parent.equals("/") ? "" : parent) + "/" + base.substring(WHITEOUT.length()));
                return;
            }
            EntryType type;
            String target = null;
            if (entry.isSymbolicLink()) {
                type = EntryType.SYMLINK;
                target = entry.getLinkName();
            } else if (entry.isLink()) {
                type = EntryType.HARDLINK;
                target = ImagePath.normalise("/" + entry.getLinkName());
            } else if (entry.isDirectory()) {
                type = EntryType.DIRECTORY;
            } else if (entry.isFile()) {
                type = EntryType.FILE;
            } else {
                type = EntryType.OTHER;
            }
            long size = type == EntryType.FILE ? entry.getSize() : 0;
            String text = null;
            boolean script = false;
            if (type == EntryType.FILE && size >= 2 && size <= SCRIPT_LIMIT) {
                byte[] head = data.readNBytes(2);
                if (head.length == 2 && head[0] == '#' && head[1] == '!') {
                    script = true;
                    if (budget.take(size)) {
                        byte[] rest = data.readNBytes((int) size - 2);
                        byte[] all = new byte[head.length + rest.length];
                        System.arraycopy(head, 0, all, 0, 2);
                        System.arraycopy(rest, 0, all, 2, rest.length);
                        text = new String(all, StandardCharsets.UTF_8);
                        textBytes += all.length;
                    }
                }
            }
            entries.remove(path);
            entries.put(path, new LayerEntry(path, type, entry.getMode() & 07777, size, target, text, script));
        }

        LayerIndex build() {
            return new LayerIndex(entries, whiteouts, opaque, textBytes);
        }
    }

    /** Keeps TarFile from closing a channel that belongs to the caller. */
    private record Unclosable(SeekableByteChannel channel) implements SeekableByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
        }
    }
}
