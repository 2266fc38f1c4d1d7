package io.initguard.core.image.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.initguard.core.catalog.ImageRef;
import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageConfig;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageManifest;
import io.initguard.core.image.MediaTypes;
import io.initguard.core.image.layers.SeekableBlobs;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image in a {@code docker save} tarball: {@code docker-archive:FILE[:REF]}. Reads manifest.json (Config,
 * RepoTags, Layers), both the legacy layout ({@code ID/layer.tar}, {@code HEX.json}) and Docker 25's OCI-style one
 * ({@code blobs/sha256/HEX}). The tar's headers are indexed once; members are read from it by offset.
 *
 * <p>Layers in such a tarball are uncompressed; their descriptors carry the layer's diff ID (from the config's
 * {@code rootfs.diff_ids}, or the blob's name) as digest.
 */
public final class DockerArchiveSource implements SeekableBlobs {
    /** The media type given to the layers of a docker save tarball (an uncompressed tar). */
    public static final String LAYER_TAR = "application/vnd.docker.image.rootfs.diff.tar";
    private static final Pattern HEX_NAME = Pattern.compile("(?:.*/)?(?:blobs/sha256/)?([0-9a-f]{64})(?:\\.json)?");
    private static final Pattern BLOB = Pattern.compile("blobs/(sha256|sha512)/([0-9a-f]+)");

    private final String name;
    private final String ref;
    private final TarIndex tar;
    private ImageManifest manifest;
    private ImageConfig config;
    private byte[] configBytes;
    private String configPath;
    private final Map<String, String> layerPaths = new HashMap<>();

    /** @param ref a RepoTag of manifest.json ({@code app:1.0}), or null for the only image */
    public DockerArchiveSource(Path file, String ref) throws ImageException {
        this.ref = ref == null || ref.isEmpty() ? null : ref;
        this.name = "docker-archive:" + file + (this.ref == null ? "" : ":" + this.ref);
        this.tar = TarIndex.open(file, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized ImageManifest manifest() throws ImageException {
        if (manifest != null) return manifest;
        if (!tar.has("manifest.json")) {
            throw new ImageException(name + ": no manifest.json in the archive (not a docker save tarball?)");
        }
        JsonNode all = Blobs.parse(name, "manifest.json", tar.bytes("manifest.json", Blobs.JSON_LIMIT));
        if (!all.isArray() || all.isEmpty()) throw new ImageException(name + ": manifest.json lists no image");
        JsonNode chosen = choose(all);
        configPath = chosen.path("Config").asText(null);
        if (configPath == null) throw new ImageException(name + ": manifest.json has an image without Config");
        configBytes = tar.bytes(configPath, Blobs.JSON_LIMIT);
        String digest = Blobs.sha256(configBytes);
        Matcher hex = HEX_NAME.matcher(configPath);
        if (hex.matches()) Blobs.verify(name, "config " + configPath + ", digest", "sha256:" + hex.group(1), configBytes);
        JsonNode configJson = Blobs.parse(name, configPath, configBytes);
        JsonNode diffIds = configJson.path("rootfs").path("diff_ids");
        List<Descriptor> layers = new ArrayList<>();
        JsonNode listed = chosen.path("Layers");
        for (int i = 0; i < listed.size(); i++) {
            String path = listed.get(i).asText();
            Matcher blob = BLOB.matcher(path);
            String layerDigest = blob.matches() ? blob.group(1) + ":" + blob.group(2)
                    : diffIds.size() == listed.size() ? diffIds.get(i).asText() : "layer:" + path;
            layerPaths.put(layerDigest, path);
            layers.add(new Descriptor(LAYER_TAR, layerDigest, tar.has(path) ? tar.size(path) : -1));
        }
        manifest = new ImageManifest(digest, MediaTypes.DOCKER_MANIFEST,
                new Descriptor(MediaTypes.DOCKER_CONFIG, digest, configBytes.length), layers);
        return manifest;
    }

    private JsonNode choose(JsonNode all) throws ImageException {
        List<String> tags = new ArrayList<>();
        for (JsonNode image : all) {
            for (JsonNode tag : image.path("RepoTags")) {
                tags.add(tag.asText());
                if (ref != null && sameRef(ref, tag.asText())) return image;
            }
        }
        if (ref == null) {
            if (all.size() == 1) return all.get(0);
            throw new ImageException(name + ": the archive holds " + all.size() + " images; name one of: "
                    + (tags.isEmpty() ? "(none is tagged)" : String.join(", ", tags)));
        }
        throw new ImageException(name + ": no image tagged '" + ref + "'; the archive has "
                + (tags.isEmpty() ? "no tags" : String.join(", ", tags)));
    }

    private static boolean sameRef(String wanted, String tag) {
        if (wanted.equals(tag)) return true;
        try {
            return Objects.equals(ImageRef.parse(wanted), ImageRef.parse(tag));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized ImageConfig config() throws ImageException {
        if (config == null) {
            manifest();
            config = ImageConfig.parse(configBytes, name);
        }
        return config;
    }

    @Override
    public SeekableByteChannel openSeekable(Descriptor blob) throws ImageException {
        manifest();
        if (blob.digest().equals(manifest.config().digest())) return tar.channel(configPath);
        String path = layerPaths.get(blob.digest());
        if (path == null) throw new ImageException(name + ": the image has no blob " + blob.digest());
        return tar.channel(path);
    }

    @Override
    public void close() {
        tar.close();
    }
}
