package io.initguard.core.image.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageConfig;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageManifest;
import io.initguard.core.image.MediaTypes;
import io.initguard.core.image.Platform;
import io.initguard.core.image.layers.SeekableBlobs;

import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * An OCI image layout (index.json, blobs/ALG/HEX), wherever its files are: a folder or a tar. Picks the manifest
 * named by the {@code org.opencontainers.image.ref.name} annotation (or the only one), follows nested indexes to the
 * wanted platform, and checks the digest of every index, manifest and config it reads.
 */
abstract sealed class OciLayoutBase implements SeekableBlobs permits OciLayoutSource, OciArchiveSource {
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final int MAX_DEPTH = 4;

    private final String name;
    private final String ref;
    private final Platform platform;
    private ImageManifest manifest;
    private ImageConfig config;

    OciLayoutBase(String name, String ref, Platform platform) {
        this.name = name;
        this.ref = ref == null || ref.isEmpty() ? null : ref;
        this.platform = platform == null ? Platform.LINUX_AMD64 : platform;
    }

    /** A file of the layout (a path like {@code index.json}); missing ones throw with a one-line message. */
    abstract byte[] readFile(String path, long limit) throws ImageException;

    abstract SeekableByteChannel openFile(String path) throws ImageException;

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized ImageManifest manifest() throws ImageException {
        if (manifest == null) manifest = pick();
        return manifest;
    }

    @Override
    public synchronized ImageConfig config() throws ImageException {
        if (config == null) {
            Descriptor c = manifest().config();
            byte[] bytes = blob(c, "config");
            config = ImageConfig.parse(bytes, name);
        }
        return config;
    }

    @Override
    public SeekableByteChannel openSeekable(Descriptor blob) throws ImageException {
        return openFile(Blobs.path(name, blob.digest()));
    }

    private ImageManifest pick() throws ImageException {
        JsonNode index = Blobs.parse(name, "index.json", readFile("index.json", Blobs.JSON_LIMIT));
        List<Descriptor> all = descriptors(index, "index.json");
        List<Descriptor> chosen = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        JsonNode manifests = index.path("manifests");
        for (int i = 0; i < all.size(); i++) {
            String r = manifests.get(i).path("annotations").path(REF_NAME).asText(null);
            if (r != null) refs.add(r);
            if (ref == null || ref.equals(r)) chosen.add(all.get(i));
        }
        if (chosen.isEmpty()) {
            if (ref != null) {
                throw new ImageException(name + ": no image named '" + ref + "'; "
                        + (refs.isEmpty() ? "index.json names none" : "index.json names " + String.join(", ", refs)));
            }
            throw new ImageException(name + ": index.json lists no image");
        }
        if (chosen.size() > 1 && chosen.stream().anyMatch(d -> d.platform() == null)) {
            throw new ImageException(name + ": index.json lists " + chosen.size() + " images; name one of: "
                    + (refs.isEmpty() ? "(none has a ref name)" : String.join(", ", refs)));
        }
        Descriptor d = chosen.size() == 1 ? chosen.getFirst() : choosePlatform(chosen, "index.json");
        return resolve(d, 0);
    }

    private ImageManifest resolve(Descriptor d, int depth) throws ImageException {
        if (depth > MAX_DEPTH) throw new ImageException(name + ": indexes nested more than " + MAX_DEPTH + " deep");
        byte[] bytes = blob(d, "manifest");
        JsonNode node = Blobs.parse(name, "manifest " + d.digest(), bytes);
        String type = d.mediaType() != null ? d.mediaType() : node.path("mediaType").asText(null);
        boolean isIndex = MediaTypes.INDEXES.contains(type) || type == null && node.has("manifests");
        if (isIndex) {
            List<Descriptor> entries = descriptors(node, "index " + d.digest());
            return resolve(choosePlatform(entries, "index " + d.shortDigest()), depth + 1);
        }
        JsonNode config = node.path("config");
        if (!config.isObject()) throw new ImageException(name + ": manifest " + d.digest() + " has no config");
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode l : node.path("layers")) layers.add(descriptor(l, "manifest " + d.digest()));
        return new ImageManifest(d.digest(), type, descriptor(config, "manifest " + d.digest()), layers);
    }

    private Descriptor choosePlatform(List<Descriptor> entries, String where) throws ImageException {
        for (Descriptor e : entries) {
            if (platform.accepts(e.platform())) return e;
        }
        List<String> have = entries.stream().map(e -> e.platform() == null ? "?" : e.platform().toString()).toList();
        throw new ImageException(name + ": " + where + " has no image for " + platform + "; it has "
                + String.join(", ", have));
    }

    private byte[] blob(Descriptor d, String what) throws ImageException {
        byte[] bytes = readFile(Blobs.path(name, d.digest()), Blobs.JSON_LIMIT);
        Blobs.verify(name, what, d.digest(), bytes);
        return bytes;
    }

    private List<Descriptor> descriptors(JsonNode index, String where) throws ImageException {
        JsonNode manifests = index.path("manifests");
        if (!manifests.isArray()) throw new ImageException(name + ": " + where + " has no manifests list");
        List<Descriptor> out = new ArrayList<>();
        for (JsonNode m : manifests) out.add(descriptor(m, where));
        return out;
    }

    private Descriptor descriptor(JsonNode d, String where) throws ImageException {
        String digest = d.path("digest").asText(null);
        if (digest == null) throw new ImageException(name + ": " + where + " has a descriptor without digest");
        Platform p = null;
        JsonNode pl = d.path("platform");
        if (pl.isObject()) {
            p = new Platform(pl.path("os").asText(""), pl.path("architecture").asText(""),
                    pl.path("variant").asText(null));
        }
        return new Descriptor(d.path("mediaType").asText(null), digest, d.path("size").asLong(-1), p);
    }
}
