package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initguard.core.image.MediaTypes;
import io.initguard.core.image.Platform;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A real registry for the tests: Debian's {@code docker-registry} (distribution 2.8) serving from a temp folder on
 * 127.0.0.1, images written as OCI layouts by hand and pushed with {@code skopeo copy}. Without the tools the tests
 * fail when {@code CI=true} and are skipped otherwise.
 */
final class RegistryFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path work;
    final Path storage;
    final int port;
    private final Process process;

    private RegistryFixture(Path work, Path storage, int port, Process process) {
        this.work = work;
        this.storage = storage;
        this.port = port;
        this.process = process;
    }

    /** {@code 127.0.0.1:PORT}. */
    String host() {
        return "127.0.0.1:" + port;
    }

    /** Fails (CI) or skips the test class when a tool is missing. */
    static void requireTools(String... tools) {
        List<String> missing = new ArrayList<>();
        for (String t : tools) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, t))) found = true;
            }
            if (!found) missing.add(t);
        }
        if (missing.isEmpty()) return;
        String why = "missing " + String.join(", ", missing) + " (scripts/test-services.sh installs them)";
        if ("true".equals(System.getenv("CI"))) fail(why + "; CI must have them");
        System.err.println("registry tests skipped: " + why);
        Assumptions.abort(why + "; set CI=true to make this a failure");
    }

    /**
     * Starts {@code docker-registry serve} with the given extra YAML under {@code http:} (e.g. tls) and at the top
     * level (e.g. auth), and waits until it accepts connections.
     */
    static RegistryFixture start(Path work, String httpExtra, String topExtra) throws IOException, InterruptedException {
        requireTools("docker-registry", "skopeo");
        int port = freePort();
        Path storage = Files.createDirectories(work.resolve("storage"));
        String yaml = "version: 0.1\n"
                + "log:\n  level: error\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + storage + "\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n  secret: initguard-test-secret\n" + httpExtra
                + topExtra;
        Path config = work.resolve("registry.yml");
        Files.writeString(config, yaml);
        Process p = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("registry.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                break;
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    fail("docker-registry did not start: " + Files.readString(work.resolve("registry.log")));
                }
                Thread.sleep(50);
            }
        }
        return new RegistryFixture(work, storage, port, p);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    /** The file that holds a blob (or manifest) in the registry's storage. */
    Path blobFile(String digest) {
        String hex = digest.substring("sha256:".length());
        return storage.resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
    }

    /** Runs a command; fails the test with its output when it fails. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) fail(String.join(" ", command) + " failed: " + text);
        return text;
    }

    /** {@code skopeo copy oci:LAYOUT:tag docker://127.0.0.1:PORT/repo:tag} with extra skopeo options. */
    void push(Path layout, String tag, String repoAndTag, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "-q",
                "--dest-tls-verify=false"));
        cmd.addAll(List.of(options));
        cmd.add("oci:" + layout + ":" + tag);
        cmd.add("docker://" + host() + "/" + repoAndTag);
        run(cmd);
    }

    // ---- OCI layouts written by hand ----

    /** One image of a layout: what it was built from, and its digests. */
    record Image(String manifestDigest, long manifestSize, String configDigest, String layerDigest, byte[] layer) {
    }

    /**
     * Writes an OCI layout holding one image under {@code tag}: a gzip layer with {@code /app.sh} (whose text
     * includes {@code marker}), a config with Entrypoint {@code ["/app.sh"]}, Cmd {@code ["run"]} and label
     * {@code marker}.
     */
    static Image singleImage(Path layout, String tag, String marker) throws IOException {
        initLayout(layout);
        Image image = writeImage(layout, Platform.LINUX_AMD64, marker);
        writeIndexJson(layout, MediaTypes.OCI_MANIFEST, image.manifestDigest(), image.manifestSize(), tag);
        return image;
    }

    /** Writes an OCI layout whose {@code tag} is an image index with one image per platform; returns them in order. */
    static List<Image> multiPlatformImage(Path layout, String tag, List<Platform> platforms, String marker)
            throws IOException {
        initLayout(layout);
        List<Image> images = new ArrayList<>();
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        for (Platform p : platforms) {
            Image image = writeImage(layout, p, marker + "-" + p.architecture());
            images.add(image);
            ObjectNode m = manifests.addObject();
            m.put("mediaType", MediaTypes.OCI_MANIFEST);
            m.put("digest", image.manifestDigest());
            m.put("size", image.manifestSize());
            ObjectNode platform = m.putObject("platform");
            platform.put("architecture", p.architecture());
            platform.put("os", p.os());
            if (p.variant() != null) platform.put("variant", p.variant());
        }
        byte[] indexBytes = JSON.writeValueAsBytes(index);
        String indexDigest = writeBlob(layout, indexBytes);
        writeIndexJson(layout, MediaTypes.OCI_INDEX, indexDigest, indexBytes.length, tag);
        return images;
    }

    private static void initLayout(Path layout) throws IOException {
        Files.createDirectories(layout.resolve("blobs/sha256"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    private static Image writeImage(Path layout, Platform platform, String marker) throws IOException {
        byte[] script = ("#!/bin/sh\necho " + marker + "\nexec \"$@\"\n").getBytes(StandardCharsets.UTF_8);
        byte[] tar = tar("app.sh", script);
        byte[] layer = gzip(tar);
        String layerDigest = writeBlob(layout, layer);

        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", platform.architecture());
        config.put("os", platform.os());
        if (platform.variant() != null) config.put("variant", platform.variant());
        ObjectNode c = config.putObject("config");
        c.putArray("Entrypoint").add("/app.sh");
        c.putArray("Cmd").add("run");
        c.putArray("Env").add("PATH=/usr/local/bin:/usr/bin:/bin");
        c.putObject("Labels").put("marker", marker);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(sha256(tar));
        config.putArray("history").addObject().put("created_by", "COPY app.sh /app.sh");
        byte[] configBytes = JSON.writeValueAsBytes(config);
        String configDigest = writeBlob(layout, configBytes);

        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        ObjectNode cd = manifest.putObject("config");
        cd.put("mediaType", MediaTypes.OCI_CONFIG);
        cd.put("digest", configDigest);
        cd.put("size", configBytes.length);
        ObjectNode ld = manifest.putArray("layers").addObject();
        ld.put("mediaType", MediaTypes.OCI_LAYER_GZIP);
        ld.put("digest", layerDigest);
        ld.put("size", layer.length);
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        String manifestDigest = writeBlob(layout, manifestBytes);
        return new Image(manifestDigest, manifestBytes.length, configDigest, layerDigest, layer);
    }

    private static void writeIndexJson(Path layout, String mediaType, String digest, long size, String tag)
            throws IOException {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode m = index.putArray("manifests").addObject();
        m.put("mediaType", mediaType);
        m.put("digest", digest);
        m.put("size", size);
        m.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
        Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(index));
    }

    private static String writeBlob(Path layout, byte[] bytes) throws IOException {
        String digest = sha256(bytes);
        Files.write(layout.resolve("blobs/sha256/" + digest.substring(7)), bytes);
        return digest;
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ustar archive with one executable file. */
    static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000755");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) header[i] = ' ';
        int sum = 0;
        for (byte b : header) sum += b & 0xff;
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        int padded = (content.length + 511) / 512 * 512;
        byte[] out = new byte[512 + padded + 1024];
        System.arraycopy(header, 0, out, 0, 512);
        System.arraycopy(content, 0, out, 512, content.length);
        return out;
    }

    private static void put(byte[] b, int off, String s) {
        byte[] v = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, b, off, v.length);
    }
}
