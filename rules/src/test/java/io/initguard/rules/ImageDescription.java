package io.initguard.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.initguard.core.image.MediaTypes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A small, readable YAML description of an image, which {@link #writeLayout(Path)} turns into a real OCI image layout
 * (gzip tar layers, config, manifest, index.json, sha256 digests), for the IG4xx fixtures and doc examples:
 * <pre>
 * config: {Entrypoint: ["/entrypoint.sh"], Cmd: ["/app"], Env: ["PATH=/usr/local/bin:/usr/bin:/bin"]}
 * layers:                       # bottom first
 *   - /bin/busybox: binary      # an ELF-looking file
 *     /bin/sh: {link: busybox}  # a symlink (its target as written)
 *     /bin/ls: {hardlink: /bin/busybox}
 *     /opt: dir
 *   - /entrypoint.sh: "#!/bin/sh\nexec \"$@\"\n"   # any other string is the file's text (mode 755)
 *     /usr/bin/tini: whiteout   # removes what a lower layer put there
 * </pre>
 * The config keys are those of the image config's {@code config} object that say how a container starts.
 * Bad descriptions are an {@link IllegalArgumentException} with a one-line message naming the file and line.
 */
record ImageDescription(ObjectNode config, List<Layer> layers) {
    /** The keys {@code config:} may have. */
    static final Set<String> CONFIG_KEYS = Set.of("Entrypoint", "Cmd", "Env", "WorkingDir", "User", "StopSignal",
            "Labels");
    /** What a file called {@code binary} holds: the start of an ELF header, then padding. */
    static final byte[] BINARY = "\u007fELF\u0002\u0001\u0001\u0000 not a real program".getBytes(StandardCharsets.ISO_8859_1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();

    /** One entry of a layer. */
    sealed interface Entry {
        String path();
    }

    record File(String path, byte[] content) implements Entry {
    }

    record Symlink(String path, String target) implements Entry {
    }

    record Hardlink(String path, String target) implements Entry {
    }

    record Dir(String path) implements Entry {
    }

    record Whiteout(String path) implements Entry {
    }

    /** A layer's entries, in the order written. */
    record Layer(List<Entry> entries) {
    }

    /** Parses a description; {@code name} is the file it came from (for errors). */
    static ImageDescription parse(String name, String yaml) {
        try (JsonParser p = YAML.createParser(yaml)) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) throw error(name, p, "an image description is a mapping with config: and layers:");
            ObjectNode config = null;
            List<Layer> layers = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = line(p);
                p.nextToken();
                switch (key) {
                    case "config" -> config = config(name, line, p.readValueAsTree());
                    case "layers" -> layers = layers(name, p);
                    default -> throw error(name, line, "unknown key '" + key + "'; an image has config: and layers:");
                }
            }
            if (config == null) throw error(name, 1, "no config:");
            if (layers == null) layers = List.of();
            return new ImageDescription(config, layers);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static ObjectNode config(String name, int line, JsonNode node) {
        if (!(node instanceof ObjectNode c)) throw error(name, line, "config: must be a mapping");
        for (var property : c.properties()) {
            String key = property.getKey();
            if (!CONFIG_KEYS.contains(key)) {
                throw error(name, line, "config: unknown key '" + key + "'; use " + String.join(", ", CONFIG_KEYS.stream().sorted().toList()));
            }
            JsonNode v = property.getValue();
            boolean list = key.equals("Entrypoint") || key.equals("Cmd") || key.equals("Env");
            if (list && !(v.isArray() && allText(v))) throw error(name, line, "config: " + key + " must be a list of strings");
            if (key.equals("Labels") && !v.isObject()) throw error(name, line, "config: Labels must be a mapping");
            if (!list && !key.equals("Labels") && !v.isTextual()) throw error(name, line, "config: " + key + " must be a string");
        }
        return c;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) return false;
        }
        return true;
    }

    private static List<Layer> layers(String name, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw error(name, p, "layers: must be a list of mappings (path: content)");
        List<Layer> layers = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                layers.add(new Layer(List.of()));
                continue;
            }
            if (p.currentToken() != JsonToken.START_OBJECT) throw error(name, p, "a layer is a mapping of path: content");
            List<Entry> entries = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String path = p.currentName();
                int line = line(p);
                p.nextToken();
                entries.add(entry(name, line, path, p.readValueAsTree()));
            }
            layers.add(new Layer(entries));
        }
        return layers;
    }

    private static Entry entry(String name, int line, String path, JsonNode value) {
        if (!path.startsWith("/") || path.length() < 2) throw error(name, line, "'" + path + "' is not an absolute path");
        if (value.isTextual()) {
            return switch (value.asText()) {
                case "binary" -> new File(path, BINARY);
                case "dir" -> new Dir(path);
                case "whiteout" -> new Whiteout(path);
                default -> new File(path, value.asText().getBytes(StandardCharsets.UTF_8));
            };
        }
        if (value instanceof ObjectNode o && o.size() == 1 && o.path("link").isTextual()) {
            return new Symlink(path, o.get("link").asText());
        }
        if (value instanceof ObjectNode o && o.size() == 1 && o.path("hardlink").isTextual()) {
            return new Hardlink(path, o.get("hardlink").asText());
        }
        throw error(name, line, path + ": use binary, dir, whiteout, {link: TARGET}, {hardlink: /PATH} or the file's text");
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static IllegalArgumentException error(String name, JsonParser p, String message) {
        return error(name, line(p), message);
    }

    private static IllegalArgumentException error(String name, int line, String message) {
        return new IllegalArgumentException(name + ":" + line + ": " + message);
    }

    /** Writes the image as an OCI layout into the folder {@code dir} (created if needed); returns {@code dir}. */
    Path writeLayout(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
        ObjectNode image = JSON.createObjectNode();
        image.put("architecture", "amd64").put("os", "linux");
        image.set("config", config);
        ObjectNode rootfs = image.putObject("rootfs").put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        ArrayNode layerDescriptors = JSON.createArrayNode();
        for (Layer layer : layers) {
            byte[] tar = tar(layer);
            diffIds.add(sha256(tar));
            layerDescriptors.add(blob(dir, MediaTypes.OCI_LAYER_GZIP, gzip(tar)));
        }
        manifest.set("config", blob(dir, MediaTypes.OCI_CONFIG, JSON.writeValueAsBytes(image)));
        manifest.set("layers", layerDescriptors);
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_INDEX);
        index.putArray("manifests").add(blob(dir, MediaTypes.OCI_MANIFEST, JSON.writeValueAsBytes(manifest)));
        Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
        return dir;
    }

    private static ObjectNode blob(Path dir, String mediaType, byte[] bytes) throws IOException {
        String digest = sha256(bytes);
        Files.write(dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())), bytes);
        ObjectNode d = JSON.createObjectNode();
        d.put("mediaType", mediaType).put("digest", digest).put("size", bytes.length);
        return d;
    }

    private static byte[] tar(Layer layer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : layer.entries()) {
                String name = e.path().substring(1);
                TarArchiveEntry t = switch (e) {
                    case File f -> {
                        TarArchiveEntry x = new TarArchiveEntry(name);
                        x.setMode(0100755);
                        x.setSize(f.content().length);
                        yield x;
                    }
                    case Symlink s -> {
                        TarArchiveEntry x = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                        x.setLinkName(s.target());
                        x.setMode(0120777);
                        yield x;
                    }
                    case Hardlink h -> {
                        TarArchiveEntry x = new TarArchiveEntry(name, TarConstants.LF_LINK);
                        x.setLinkName(h.target().substring(1));
                        yield x;
                    }
                    case Dir d -> {
                        TarArchiveEntry x = new TarArchiveEntry(name + "/");
                        x.setMode(040755);
                        yield x;
                    }
                    case Whiteout w -> {
                        int slash = name.lastIndexOf('/');
                        TarArchiveEntry x = new TarArchiveEntry(name.substring(0, slash + 1) + ".wh." + name.substring(slash + 1));
                        x.setMode(0100644);
                        yield x;
                    }
                };
                out.putArchiveEntry(t);
                if (e instanceof File f) out.write(f.content());
                out.closeArchiveEntry();
            }
            out.finish();
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(z)) {
            o.write(data);
        }
        return z.toByteArray();
    }

    static String sha256(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
