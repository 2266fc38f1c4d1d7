package io.initguard.core.image.layout;

import io.initguard.core.image.ImageException;
import io.initguard.core.model.ImagePath;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entries of a tar file on disk, indexed once by reading their headers (data is skipped by seeking), so that a
 * member can be read straight from the tar by offset. Nothing is unpacked.
 */
final class TarIndex implements AutoCloseable {
    private final String name;
    private final FileChannel file;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();

    private TarIndex(String name, FileChannel file) {
        this.name = name;
        this.file = file;
    }

    /** Indexes {@code tar}; {@code name} starts error messages ({@code docker-archive:app.tar}). */
    static TarIndex open(Path tar, String name) throws ImageException {
        if (!Files.exists(tar)) throw new ImageException(name + ": no such file " + tar);
        if (!Files.isRegularFile(tar)) throw new ImageException(name + ": " + tar + " is not a file");
        FileChannel channel;
        try {
            channel = FileChannel.open(tar, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ImageException(name + ": no such file " + tar);
        } catch (IOException e) {
            throw new ImageException(name + ": cannot open " + tar + ": " + e.getMessage());
        }
        TarIndex index = new TarIndex(name, channel);
        try {
            // TarFile reads the headers through its own window, and would close the channel it is given.
            TarFile tarFile = new TarFile(new RangeChannel(channel, 0, channel.size()));
            for (TarArchiveEntry entry : tarFile.getEntries()) {
                String path = ImagePath.normalise(entry.getName());
                if (path.startsWith("./")) path = path.substring(2);
                index.entries.put(path, entry);
            }
        } catch (IOException | RuntimeException e) {
            index.close();
            throw new ImageException(name + ": " + tar + " is not a tar archive: " + e.getMessage());
        }
        if (index.entries.isEmpty()) {
            index.close();
            throw new ImageException(name + ": " + tar + " is not a tar archive (no entries)");
        }
        return index;
    }

    boolean has(String path) {
        return entry(path) != null;
    }

    /** The member's names, sorted. */
    Set<String> names() {
        return new TreeSet<>(entries.keySet());
    }

    /** The member's data as a window of the tar file (links among members followed). */
    SeekableByteChannel channel(String path) throws ImageException {
        TarArchiveEntry e = entry(path);
        if (e == null) throw new ImageException(name + ": the archive has no " + path);
        if (!e.isFile()) throw new ImageException(name + ": " + path + " in the archive is not a file");
        return new RangeChannel(file, e.getDataOffset(), e.getSize());
    }

    InputStream stream(String path) throws ImageException {
        return Channels.newInputStream(channel(path));
    }

    long size(String path) throws ImageException {
        TarArchiveEntry e = entry(path);
        if (e == null) throw new ImageException(name + ": the archive has no " + path);
        return e.getSize();
    }

    /** The whole member, which must be at most {@code limit} bytes. */
    byte[] bytes(String path, long limit) throws ImageException {
        long size = size(path);
        if (size > limit) throw new ImageException(name + ": " + path + " is " + size + " bytes, more than " + limit);
        try (InputStream in = stream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ImageException(name + ": cannot read " + path + ": " + e.getMessage());
        }
    }

    private TarArchiveEntry entry(String path) {
        String p = ImagePath.normalise(path);
        for (int hops = 0; hops < 8; hops++) {
            TarArchiveEntry e = entries.get(p);
            if (e == null) return null;
            if (e.isSymbolicLink()) {
                int slash = p.lastIndexOf('/');
                String dir = slash < 0 ? "" : p.substring(0, slash + 1);
                p = ImagePath.normalise(e.getLinkName().startsWith("/") ? e.getLinkName().substring(1)
                        : dir + e.getLinkName());
            } else if (e.isLink()) {
                p = ImagePath.normalise(e.getLinkName());
            } else {
                return e;
            }
            if (p.startsWith("./")) p = p.substring(2);
        }
        return null;
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            // nothing was written; a failed close loses nothing
        }
    }
}
