package io.initguard.core.image.layers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageConfig;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageManifest;
import io.initguard.core.image.ImageSource;
import io.initguard.core.image.MediaTypes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** Writes real layers, OCI layouts and docker save tarballs for the tests. */
public final class ImageFixtures {
    public static final ObjectMapper JSON = new ObjectMapper();

    private ImageFixtures() {
    }

    /** A layer's tar, entry by entry. */
    public static final class Tar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream out;
        private byte[] finished;

        public Tar() {
            this(TarArchiveOutputStream.LONGFILE_POSIX);
        }

        public Tar(int longFileMode) {
            out = new TarArchiveOutputStream(bytes);
            out.setLongFileMode(longFileMode);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        public Tar dir(String path) {
            TarArchiveEntry e = new TarArchiveEntry(path.endsWith("/") ? path : path + "/");
            e.setMode(040755);
            return put(e, null);
        }

        public Tar file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8), 0100755);
        }

        public Tar file(String path, byte[] content, int mode) {
            TarArchiveEntry e = new TarArchiveEntry(path);
            e.setMode(mode);
            e.setSize(content.length);
            return put(e, content);
        }

        public Tar symlink(String path, String target) {
            TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
            e.setLinkName(target);
            e.setMode(0120777);
            return put(e, null);
        }

        public Tar hardlink(String path, String target) {
            TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_LINK);
            e.setLinkName(target);
            return put(e, null);
        }

        public Tar whiteout(String path) {
            int slash = path.lastIndexOf('/');
            return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0], 0100644);
        }

        public Tar opaque(String dir) {
            return file(dir + "/.wh..wh..opq", new byte[0], 0100644);
        }

        private Tar put(TarArchiveEntry e, byte[] content) {
            try {
                out.putArchiveEntry(e);
                if (content != null) out.write(content);
                out.closeArchiveEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        /** The tar's bytes; the tar is finished on the first call, later calls give the same bytes. */
        public byte[] tar() {
            if (finished != null) return finished;
            try {
                out.finish();
                finished = bytes.toByteArray();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return bytes.toByteArray();
        }

        public byte[] gzip() {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (OutputStream o = new GZIPOutputStream(z)) {
                o.write(tar());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return z.toByteArray();
        }

        public byte[] zstd() {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (OutputStream o = new ZstdOutputStream(z)) {
                o.write(tar());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return z.toByteArray();
        }
    }

    /** A layer blob and its media type. */
    public record Layer(byte[] blob, String mediaType) {
        public static Layer plain(Tar t) {
            return new Layer(t.tar(), MediaTypes.OCI_LAYER);
        }

        public static Layer gzip(Tar t) {
            return new Layer(t.gzip(), MediaTypes.OCI_LAYER_GZIP);
        }

        public static Layer zstd(Tar t) {
            return new Layer(t.zstd(), MediaTypes.OCI_LAYER_ZSTD);
        }
    }

    public static String sha256(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image config JSON: {@code steps} are history entries (one per layer, in order). */
    public static ObjectNode config(List<String> entrypoint, List<String> cmd, List<String> env, String workdir,
                                    List<String> steps) {
        ObjectNode root = JSON.createObjectNode();
        root.put("os", "linux").put("architecture", "amd64");
        ObjectNode c = root.putObject("config");
        if (entrypoint != null) strings(c.putArray("Entrypoint"), entrypoint);
        if (cmd != null) strings(c.putArray("Cmd"), cmd);
        strings(c.putArray("Env"), env);
        if (workdir != null) c.put("WorkingDir", workdir);
        ArrayNode history = root.putArray("history");
        for (String s : steps) history.addObject().put("created_by", s);
        history.addObject().put("created_by", "/bin/sh -c #(nop)  CMD [\"x\"]").put("empty_layer", true);
        return root;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    public static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OCI layout folder being written. */
    public static final class Layout {
        public final Path dir;
        private final ArrayNode manifests = JSON.createArrayNode();

        public Layout(Path dir) throws IOException {
            this.dir = dir;
            Files.createDirectories(dir.resolve("blobs/sha256"));
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        }

        /** Writes a blob, returns its digest. */
        public String blob(byte[] data) throws IOException {
            String digest = sha256(data);
            Files.write(dir.resolve("blobs/sha256").resolve(digest.substring(7)), data);
            return digest;
        }

        /** Writes config, layers and manifest; returns the manifest's descriptor (not yet listed in index.json). */
        public ObjectNode image(ObjectNode config, List<Layer> layers) throws IOException {
            ObjectNode m = JSON.createObjectNode();
            m.put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
            byte[] c = bytes(config);
            m.putObject("config").put("mediaType", MediaTypes.OCI_CONFIG).put("digest", blob(c)).put("size", c.length);
            ArrayNode ls = m.putArray("layers");
            for (Layer l : layers) {
                ls.addObject().put("mediaType", l.mediaType()).put("digest", blob(l.blob())).put("size", l.blob().length);
            }
            return descriptor(MediaTypes.OCI_MANIFEST, bytes(m));
        }

        /** Writes an index blob of these manifests; returns its descriptor. */
        public ObjectNode index(List<ObjectNode> entries) throws IOException {
            ObjectNode idx = JSON.createObjectNode();
            idx.put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_INDEX);
            idx.putArray("manifests").addAll(entries);
            return descriptor(MediaTypes.OCI_INDEX, bytes(idx));
        }

        public ObjectNode descriptor(String mediaType, byte[] content) throws IOException {
            ObjectNode d = JSON.createObjectNode();
            d.put("mediaType", mediaType).put("digest", blob(content)).put("size", content.length);
            return d;
        }

        /** Lists a manifest or index in index.json, with an optional ref name. */
        public Layout add(ObjectNode descriptor, String ref) throws IOException {
            ObjectNode d = descriptor.deepCopy();
            if (ref != null) d.putObject("annotations").put("org.opencontainers.image.ref.name", ref);
            manifests.add(d);
            ObjectNode idx = JSON.createObjectNode();
            idx.put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_INDEX).set("manifests", manifests);
            Files.write(dir.resolve("index.json"), bytes(idx));
            return this;
        }
    }

    /** Adds a platform to a manifest descriptor. */
    public static ObjectNode onPlatform(ObjectNode descriptor, String os, String arch) {
        ObjectNode d = descriptor.deepCopy();
        d.putObject("platform").put("os", os).put("architecture", arch);
        return d;
    }

    /** Tars a folder's files (relative names, sorted) into {@code out}, as {@code tar -C dir -c .} would. */
    public static void tarFolder(Path dir, Path out) throws IOException {
        try (OutputStream file = Files.newOutputStream(out); TarArchiveOutputStream tar = new TarArchiveOutputStream(file);
             var walk = Files.walk(dir)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path p : walk.sorted().toList()) {
                if (p.equals(dir)) continue;
                String name = dir.relativize(p).toString().replace('\\', '/');
                TarArchiveEntry e = new TarArchiveEntry(p.toFile(), Files.isDirectory(p) ? name + "/" : name);
                tar.putArchiveEntry(e);
                if (Files.isRegularFile(p)) Files.copy(p, tar);
                tar.closeArchiveEntry();
            }
        }
    }

    /**
     * A plain layer holding a {@code size}-byte file {@code bigPath} (a hole on disk: no space, no time to write)
     * followed by the entries of {@code after}.
     */
    public static void sparseLayer(Path file, String bigPath, long size, Tar after) throws IOException {
        TarArchiveEntry big = new TarArchiveEntry(bigPath);
        big.setSize(size);
        big.setMode(0100644);
        byte[] header = new byte[512];
        big.writeEntryHeader(header);
        byte[] rest = after.tar();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header);
            raf.setLength(512 + size);
            raf.seek(512 + size);
            raf.write(rest);
        }
    }

    /** A source that counts the blobs opened through it (and offers no random access, so every layer is streamed). */
    public static final class Counting implements ImageSource {
        private final ImageSource inner;
        public final AtomicInteger opened = new AtomicInteger();

        public Counting(ImageSource inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public ImageManifest manifest() throws ImageException {
            return inner.manifest();
        }

        @Override
        public ImageConfig config() throws ImageException {
            return inner.config();
        }

        @Override
        public InputStream openBlob(Descriptor blob) throws ImageException {
            opened.incrementAndGet();
            return inner.openBlob(blob);
        }

        @Override
        public void close() throws ImageException {
            inner.close();
        }
    }
}
