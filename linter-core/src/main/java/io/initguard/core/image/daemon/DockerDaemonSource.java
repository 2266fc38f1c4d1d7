package io.initguard.core.image.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageConfig;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageManifest;
import io.initguard.core.image.ImageSource;
import io.initguard.core.image.MediaTypes;
import io.initguard.core.image.layers.LayerIndex;
import io.initguard.core.image.layers.LayerStream;
import io.initguard.core.model.ImagePath;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An image in the local Docker engine: {@code docker-daemon:REF}. The engine is found as the docker CLI finds it
 * ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, else the local socket) through
 * docker-java's {@link DefaultDockerClientConfig}; requests go through docker-java's zerodep transport.
 *
 * <p>The config comes from {@code GET /images/REF/json} (Entrypoint, Cmd, Env, User, WorkingDir, StopSignal, Labels,
 * RootFS) and the build steps from {@code GET /images/REF/history}; the layers from one {@code GET /images/REF/get}
 * ({@code docker save}) streamed once: its entries ({@code ID/layer.tar} before Docker 25, {@code blobs/sha256/HEX}
 * since) are matched to the image's diff IDs through the stream's manifest.json. Layers in a save are uncompressed.
 * Nothing is written to disk.
 */
public final class DockerDaemonSource implements ImageSource, LayerStream {
    /** The default time allowed to connect, and to wait for each piece of an answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long JSON_LIMIT = 16L << 20;

    private final String ref;
    private final String name;
    private final URI host;
    private final DockerHttpClient http;
    private ImageManifest manifest;
    private ImageConfig config;
    private byte[] configJson;

    /** An image of the engine that the environment names ({@code DOCKER_HOST}, else the local socket). */
    public DockerDaemonSource(String ref) {
        this(ref, null, DEFAULT_TIMEOUT);
    }

    /**
     * @param dockerHost the engine ({@code unix:///var/run/docker.sock}, {@code tcp://host:2376}); null for the one
     *                   the environment names
     * @param timeout    time allowed to connect, and to wait for each piece of an answer
     */
    public DockerDaemonSource(String ref, URI dockerHost, Duration timeout) {
        this.ref = ref;
        this.name = "docker-daemon:" + ref;
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (dockerHost != null) builder.withDockerHost(dockerHost.toString());
        DefaultDockerClientConfig cfg = builder.build();
        this.host = cfg.getDockerHost();
        this.http = new ZerodepDockerHttpClient.Builder().dockerHost(cfg.getDockerHost()).sslConfig(cfg.getSSLConfig())
                .connectionTimeout(timeout).responseTimeout(timeout).maxConnections(4).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized ImageManifest manifest() throws ImageException {
        if (manifest == null) inspect();
        return manifest;
    }

    @Override
    public synchronized ImageConfig config() throws ImageException {
        if (config == null) inspect();
        return config;
    }

    private void inspect() throws ImageException {
        JsonNode image = getJson("/images/" + encode(ref) + "/json", "inspect");
        ObjectNode cfg = JSON.createObjectNode();
        cfg.set("config", image.path("Config"));
        cfg.put("os", image.path("Os").asText(null));
        cfg.put("architecture", image.path("Architecture").asText(null));
        ArrayNode history = cfg.putArray("history");
        // The engine's history is newest first. It does not say which steps made no layer; a size of 0 is taken
        // for that, and LayeredImage uses the steps only when as many are left as the image has layers.
        JsonNode steps = getJson("/images/" + encode(ref) + "/history", "history");
        for (int i = steps.size() - 1; i >= 0; i--) {
            JsonNode s = steps.get(i);
            history.addObject().put("created_by", s.path("CreatedBy").asText(""))
                    .put("empty_layer", s.path("Size").asLong(0) == 0);
        }
        configJson = bytes(cfg);
        config = ImageConfig.parse(configJson, name);
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode diffId : image.path("RootFS").path("Layers")) {
            layers.add(new Descriptor("application/vnd.docker.image.rootfs.diff.tar", diffId.asText(), -1));
        }
        String id = image.path("Id").asText("");
        manifest = new ImageManifest(id, MediaTypes.DOCKER_MANIFEST, new Descriptor(MediaTypes.DOCKER_CONFIG, id,
                configJson.length), layers);
    }

    /**
     * The config as this source builds it (from the engine's inspect and history, not the engine's own config blob),
     * or a layer, found by streaming a {@code docker save} (up to twice for images saved in the layout before Docker
     * 25, whose manifest.json comes last). Prefer {@link #readAllLayers}, which reads every layer in one pass.
     */
    @Override
    public InputStream openBlob(Descriptor blob) throws ImageException {
        manifest();
        if (blob.digest().equals(manifest.config().digest())) return new ByteArrayInputStream(configJson);
        int index = manifest.layers().indexOf(blob);
        if (index < 0) throw new ImageException(name + ": the image has no layer " + blob.digest());
        String wanted = "blobs/" + blob.digest().replace(':', '/');
        Save save = save();
        boolean found = false;
        try {
            TarArchiveEntry e;
            Map<String, String> links = new HashMap<>();
            byte[] manifestJson = null;
            while ((e = save.tar.getNextEntry()) != null) {
                String path = ImagePath.normalise(e.getName());
                if (path.equals(wanted) && e.isFile()) {
                    found = true;
                    return save.entryStream();
                }
                if (e.isSymbolicLink()) links.put(path, resolveLink(path, e.getLinkName()));
                if (path.equals("manifest.json")) manifestJson = save.tar.readNBytes((int) Math.min(e.getSize(), JSON_LIMIT));
            }
            if (manifestJson == null) throw new ImageException(name + ": the engine's save has no manifest.json");
            List<String> paths = layerPaths(manifestJson);
            String path = follow(links, paths.get(index));
            save.close();
            save = save();
            while ((e = save.tar.getNextEntry()) != null) {
                if (ImagePath.normalise(e.getName()).equals(path) && e.isFile()) {
                    found = true;
                    return save.entryStream();
                }
            }
            throw new ImageException(name + ": the engine's save has no " + path);
        } catch (IOException e) {
            throw new ImageException(name + ": reading the engine's save failed: " + e.getMessage());
        } finally {
            if (!found) save.close();
        }
    }

    @Override
    public List<LayerIndex> readAllLayers(Reader reader) throws ImageException {
        ImageManifest m = manifest();
        Set<String> diffIds = new HashSet<>();
        m.layers().forEach(l -> diffIds.add(l.digest()));
        Map<String, LayerIndex> read = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        byte[] manifestJson = null;
        try (Save save = save()) {
            TarArchiveEntry e;
            while ((e = save.tar.getNextEntry()) != null) {
                String path = ImagePath.normalise(e.getName());
                if (path.equals("manifest.json")) {
                    manifestJson = save.tar.readNBytes((int) Math.min(e.getSize(), JSON_LIMIT));
                } else if (e.isSymbolicLink()) {
                    links.put(path, resolveLink(path, e.getLinkName()));
                } else if (e.isFile() && (path.endsWith("/layer.tar")
                        || path.startsWith("blobs/sha256/") && diffIds.contains("sha256:" + path.substring(13)))) {
                    read.put(path, reader.read(save.tar));
                }
            }
        } catch (IOException e) {
            throw new ImageException(name + ": reading the engine's save failed: " + e.getMessage());
        }
        if (manifestJson == null) throw new ImageException(name + ": the engine's save has no manifest.json");
        List<String> paths = layerPaths(manifestJson);
        if (paths.size() != m.layers().size()) {
            throw new ImageException(name + ": the engine's save lists " + paths.size() + " layers, inspect "
                    + m.layers().size());
        }
        List<LayerIndex> out = new ArrayList<>();
        for (String p : paths) {
            LayerIndex index = read.get(follow(links, p));
            if (index == null) throw new ImageException(name + ": the engine's save has no layer " + p);
            out.add(index);
        }
        return out;
    }

    private List<String> layerPaths(byte[] manifestJson) throws ImageException {
        JsonNode images = parse(manifestJson, "the save's manifest.json");
        if (!images.isArray() || images.isEmpty()) throw new ImageException(name + ": the save's manifest.json is empty");
        List<String> paths = new ArrayList<>();
        for (JsonNode l : images.get(0).path("Layers")) paths.add(ImagePath.normalise(l.asText()));
        return paths;
    }

    private static String resolveLink(String path, String target) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        String p = ImagePath.normalise(target.startsWith("/") ? target.substring(1) : dir + target);
        return p.startsWith("./") ? p.substring(2) : p;
    }

    private static String follow(Map<String, String> links, String path) {
        String p = path;
        for (int i = 0; i < 8 && links.containsKey(p); i++) p = links.get(p);
        return p;
    }

    /** A running {@code docker save} of the image. */
    private final class Save implements AutoCloseable {
        final Response response;
        final TarArchiveInputStream tar;

        Save(Response response) {
            this.response = response;
            this.tar = new TarArchiveInputStream(response.getBody());
        }

        /** The current entry's data; closing it ends the whole save. */
        InputStream entryStream() {
            return new FilterInputStream(tar) {
                @Override
                public void close() {
                    Save.this.close();
                }
            };
        }

        @Override
        public void close() {
            response.close();
        }
    }

    private Save save() throws ImageException {
        Response r = execute("/images/" + encode(ref) + "/get", "save");
        return new Save(r);
    }

    private JsonNode getJson(String path, String what) throws ImageException {
        try (Response r = execute(path, what)) {
            return parse(r.getBody().readNBytes((int) JSON_LIMIT), "the engine's " + what + " answer");
        } catch (IOException e) {
            throw new ImageException(name + ": reading the engine's " + what + " answer failed: " + e.getMessage());
        }
    }

    /** A GET that answered 200; anything else is an ImageException. */
    private Response execute(String path, String what) throws ImageException {
        Response r;
        try {
            r = http.execute(new Request.Builder().method(Request.Method.GET).path(path).build());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new ImageException(name + ": cannot reach the Docker engine at " + host + ": "
                    + why.lines().findFirst().orElse(""));
        }
        int status = r.getStatusCode();
        if (status == 200) return r;
        String message;
        try (r) {
            JsonNode body = JSON.readTree(r.getBody().readNBytes(1 << 16));
            message = body == null ? "" : body.path("message").asText("");
        } catch (IOException | RuntimeException e) {
            message = "";
        }
        if (status == 404) throw new ImageException(name + ": no such image");
        throw new ImageException(name + ": the Docker engine answered " + status + " to " + what
                + (message.isEmpty() ? "" : ": " + message.lines().findFirst().orElse("")));
    }

    private JsonNode parse(byte[] json, String what) throws ImageException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null) throw new ImageException(name + ": " + what + " is empty");
            return node;
        } catch (IOException e) {
            throw new ImageException(name + ": " + what + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String ref) {
        // Keep '/' and ':' (the engine's routes take them in the name); escape anything else unsafe.
        return URLEncoder.encode(ref, StandardCharsets.UTF_8).replace("%2F", "/").replace("%3A", ":")
                .replace("+", "%20");
    }

    @Override
    public void close() throws ImageException {
        try {
            http.close();
        } catch (IOException e) {
            throw new ImageException(name + ": closing the connection failed: " + e.getMessage());
        }
    }
}
