package io.initguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * An image written by hand as an OCI layout (one image, one tag): layers of files and symlinks, and a config with
 * ENTRYPOINT and CMD. The base is a busybox-static root file system ({@link #busybox()}).
 */
final class TestImage {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's busybox-static (scripts/test-services.sh installs it). */
    static final Path BUSYBOX = Path.of("/bin/busybox");

    /** One entry of a layer: a file with its mode, or a symlink. */
    private sealed interface Entry {
        String path();
    }

    private record FileEntry(String path, byte[] content, int mode) implements Entry {
    }

    private record LinkEntry(String path, String target) implements Entry {
    }

    /** A layer: its entries, or (big != 0) one file of that many zero bytes, stored uncompressed. */
    private record Layer(List<Entry> entries, long big) {
    }

    private final List<Layer> layers = new ArrayList<>();
    private List<String> entrypoint;
    private List<String> cmd;

    private TestImage() {
        layers.add(new Layer(new ArrayList<>(), 0));
    }

    /** An empty image: no files yet, no ENTRYPOINT, no CMD. */
    static TestImage empty() {
        return new TestImage();
    }

    /** /bin/busybox, /bin/sh and /bin/sleep linking to it. */
    static TestImage busybox() {
        try {
            return empty().file("bin/busybox", Files.readAllBytes(BUSYBOX), 0755)
                    .symlink("bin/sh", "busybox").symlink("bin/sleep", "busybox");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUSYBOX + " (install busybox-static)", e);
        }
    }

    /** The base plus /entrypoint.sh (which ends in exec "$@") and an init binary at /usr/bin/tini. */
    static TestImage busyboxWithTini() {
        return busybox().text("entrypoint.sh", "#!/bin/sh\nset -e\necho starting\nexec \"$@\"\n", 0755)
                .file("usr/bin/tini", "\u007fELF not really tini\n".getBytes(StandardCharsets.UTF_8), 0755);
    }

    TestImage file(String path, byte[] content, int mode) {
        layers.getLast().entries().add(new FileEntry(path, content, mode));
        return this;
    }

    TestImage text(String path, String content, int mode) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    TestImage symlink(String path, String target) {
        layers.getLast().entries().add(new LinkEntry(path, target));
        return this;
    }

    /** Starts a new layer for the entries that follow. */
    TestImage layer() {
        layers.add(new Layer(new ArrayList<>(), 0));
        return this;
    }

    /** Adds a layer holding one file {@code /big} of {@code bytes} zero bytes, stored as an uncompressed tar. */
    TestImage bigLayer(long bytes) {
        layers.add(new Layer(List.of(), bytes));
        return this;
    }

    TestImage entrypoint(String... argv) {
        entrypoint = List.of(argv);
        return this;
    }

    TestImage cmd(String... argv) {
        cmd = List.of(argv);
        return this;
    }

    /** What was written: the manifest's digest and each layer's blob digest, bottom first. */
    record Written(Path layout, String tag, String manifestDigest, List<String> layerDigests) {
        /** {@code oci:DIR:TAG}. */
        String name() {
            return "oci:" + layout + ":" + tag;
        }

        Path blob(String digest) {
            return layout.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
        }
    }

    /** Writes the image as an OCI layout at {@code layout} under {@code tag}. */
    Written write(Path layout, String tag) throws IOException {
        Files.createDirectories(layout.resolve("blobs/sha256"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        List<String> digests = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<String> mediaTypes = new ArrayList<>();
        for (Layer l : layers) {
            if (l.big() > 0) {
                Path tmp = layout.resolve("big.tar");
                String digest;
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    MessageDigest md = sha();
                    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new DigestOutputStream(out, md))) {
                        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                        TarArchiveEntry e = new TarArchiveEntry("big");
                        e.setSize(l.big());
                        e.setMode(0644);
                        tar.putArchiveEntry(e);
                        byte[] zeros = new byte[1 << 16];
                        for (long left = l.big(); left > 0; left -= zeros.length) {
                            tar.write(zeros, 0, (int) Math.min(zeros.length, left));
                        }
                        tar.closeArchiveEntry();
                    }
                    digest = "sha256:" + HexFormat.of().formatHex(md.digest());
                }
                Files.move(tmp, layout.resolve("blobs/sha256/" + digest.substring(7)));
                digests.add(digest);
                diffIds.add(digest);
                sizes.add(Files.size(layout.resolve("blobs/sha256/" + digest.substring(7))));
                mediaTypes.add("application/vnd.oci.image.layer.v1.tar");
            } else {
                byte[] tar = tar(l.entries());
                byte[] gz = gzip(tar);
                digests.add(writeBlob(layout, gz));
                diffIds.add(sha256(tar));
                sizes.add((long) gz.length);
                mediaTypes.add("application/vnd.oci.image.layer.v1.tar+gzip");
            }
        }

        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        ObjectNode c = config.putObject("config");
        c.putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        if (entrypoint != null) entrypoint.forEach(c.putArray("Entrypoint")::add);
        if (cmd != null) cmd.forEach(c.putArray("Cmd")::add);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(ids::add);
        ArrayNode history = config.putArray("history");
        for (int i = 0; i < layers.size(); i++) history.addObject().put("created_by", "COPY layer" + (i + 1) + " /");
        byte[] configBytes = JSON.writeValueAsBytes(config);
        String configDigest = writeBlob(layout, configBytes);

        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        ObjectNode cd = manifest.putObject("config");
        cd.put("mediaType", "application/vnd.oci.image.config.v1+json");
        cd.put("digest", configDigest);
        cd.put("size", configBytes.length);
        ArrayNode ls = manifest.putArray("layers");
        for (int i = 0; i < digests.size(); i++) {
            ObjectNode d = ls.addObject();
            d.put("mediaType", mediaTypes.get(i));
            d.put("digest", digests.get(i));
            d.put("size", sizes.get(i));
        }
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        String manifestDigest = writeBlob(layout, manifestBytes);

        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode m = index.putArray("manifests").addObject();
        m.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        m.put("digest", manifestDigest);
        m.put("size", manifestBytes.length);
        m.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
        Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(index));
        return new Written(layout, tag, manifestDigest, List.copyOf(digests));
    }

    private static byte[] tar(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            List<String> dirs = new ArrayList<>();
            for (Entry e : entries) {
                String parent = e.path().contains("/") ? e.path().substring(0, e.path().lastIndexOf('/')) : "";
                StringBuilder sofar = new StringBuilder();
                for (String part : parent.isEmpty() ? new String[0] : parent.split("/")) {
                    sofar.append(part).append('/');
                    if (!dirs.contains(sofar.toString())) {
                        dirs.add(sofar.toString());
                        TarArchiveEntry d = new TarArchiveEntry(sofar.toString());
                        d.setMode(040755);
                        tar.putArchiveEntry(d);
                        tar.closeArchiveEntry();
                    }
                }
                switch (e) {
                    case FileEntry f -> {
                        TarArchiveEntry t = new TarArchiveEntry(f.path());
                        t.setMode(0100000 | f.mode());
                        t.setSize(f.content().length);
                        tar.putArchiveEntry(t);
                        tar.write(f.content());
                        tar.closeArchiveEntry();
                    }
                    case LinkEntry l -> {
                        TarArchiveEntry t = new TarArchiveEntry(l.path(), TarArchiveEntry.LF_SYMLINK);
                        t.setLinkName(l.target());
                        t.setMode(0120777);
                        tar.putArchiveEntry(t);
                        tar.closeArchiveEntry();
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    private static String writeBlob(Path layout, byte[] bytes) throws IOException {
        String digest = sha256(bytes);
        Files.write(layout.resolve("blobs/sha256/" + digest.substring(7)), bytes);
        return digest;
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha().digest(bytes));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
