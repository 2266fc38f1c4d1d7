package io.initguard.core.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.initguard.core.catalog.ImageRef;
import io.initguard.core.catalog.ImageRefException;
import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageConfig;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageManifest;
import io.initguard.core.image.ImageSource;
import io.initguard.core.image.MediaTypes;
import io.initguard.core.image.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * An image in a registry ({@code docker://REF}), read over the OCI distribution API with {@link RegistryClient}.
 *
 * <p>Lazy: {@link #manifest()} fetches the manifest (an index, then the manifest of the chosen platform, by digest),
 * {@link #config()} the config blob; layers only through {@link #openBlob}. Everything fetched by digest is checked
 * against it (manifests and the config when read, layers at the end of their stream); a manifest fetched by tag is
 * checked against the registry's {@code Docker-Content-Digest} header when it sends one.
 */
public final class RegistrySource implements ImageSource {
    /** The manifest types asked for, in order of preference. */
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST,
            MediaTypes.OCI_INDEX, MediaTypes.DOCKER_LIST);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The registry's own limit for a manifest (distribution refuses larger ones). */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
    /** Image configs are kilobytes; a config this large is not one. */
    static final int MAX_CONFIG_BYTES = 32 * 1024 * 1024;
    private static final Pattern DIGEST = Pattern.compile(
            "sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128}");

    private final ImageRef ref;
    private final String name;
    private final RegistryClient client;
    private final boolean ownsClient;
    private final AtomicLong meter = new AtomicLong();
    private ImageManifest manifest;
    private ImageConfig config;

    /** An image with its own client; its name is {@code docker://} and the normalised reference. */
    public RegistrySource(ImageRef ref, RegistryOptions options) throws ImageException {
        this(ref.toString(), ref, new RegistryClient(options), true);
    }

    /** An image sharing a client (and its tokens) with others; the caller closes the client. */
    public RegistrySource(ImageRef ref, RegistryClient client) {
        this(ref.toString(), ref, client, false);
    }

    private RegistrySource(String given, ImageRef ref, RegistryClient client, boolean ownsClient) {
        this.ref = ref;
        this.name = "docker://" + given;
        this.client = client;
        this.ownsClient = ownsClient;
    }

    /**
     * Opens {@code reference} ({@code docker://} optional) with its own client; the name keeps the reference as
     * given.
     *
     * @throws ImageException when the reference is invalid or the CA file cannot be read
     */
    public static RegistrySource open(String reference, RegistryOptions options) throws ImageException {
        String given = strip(reference);
        ImageRef ref = parse(given);
        return new RegistrySource(given, ref, new RegistryClient(options), true);
    }

    /** Opens {@code reference} ({@code docker://} optional) on a shared client. */
    public static RegistrySource open(String reference, RegistryClient client) throws ImageException {
        String given = strip(reference);
        return new RegistrySource(given, parse(given), client, false);
    }

    private static String strip(String reference) {
        return reference.startsWith("docker://") ? reference.substring("docker://".length()) : reference;
    }

    private static ImageRef parse(String given) throws ImageException {
        try {
            return ImageRef.parse(given);
        } catch (ImageRefException e) {
            throw new ImageException("docker://" + given + ": " + e.getMessage());
        }
    }

    public ImageRef ref() {
        return ref;
    }

    /** The HTTP requests made for this image so far (token requests and redirects included). */
    public long requestCount() {
        return meter.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized ImageManifest manifest() throws ImageException {
        if (manifest != null) return manifest;
        RegistryClient.Target target = target();
        Fetched top = fetchManifest(target, ref.hasDigest() ? ref.digest() : ref.tag(),
                ref.hasDigest() ? ref.digest() : null);
        Fetched chosen = top;
        if (MediaTypes.INDEXES.contains(top.mediaType())) {
            Descriptor entry = choose(top);
            chosen = fetchManifest(target, entry.digest(), entry.digest());
            if (!MediaTypes.MANIFESTS.contains(chosen.mediaType())) {
                throw new ImageException(name + ": the index entry for " + entry.platform() + " is a "
                        + chosen.mediaType() + ", not an image manifest");
            }
        }
        JsonNode configNode = chosen.json().path("config");
        if (!configNode.isObject()) throw new ImageException(name + ": the manifest has no config");
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode l : chosen.json().path("layers")) layers.add(descriptor(l, "a layer"));
        manifest = new ImageManifest(chosen.digest(), chosen.mediaType(), descriptor(configNode, "the config"),
                layers);
        return manifest;
    }

    @Override
    public synchronized ImageConfig config() throws ImageException {
        if (config != null) return config;
        Descriptor d = manifest().config();
        byte[] bytes = client.get(target(), RegistryClient.Kind.BLOB, "blobs/" + d.digest(), null, MAX_CONFIG_BYTES)
                .bytes();
        if (d.size() >= 0 && bytes.length != d.size()) {
            throw new ImageException(name + ": the config blob " + d.digest() + " has " + bytes.length
                    + " bytes, not " + d.size());
        }
        String actual = Digests.of(bytes, d.digest());
        if (!actual.equals(d.digest())) {
            throw new ImageException(name + ": the config blob does not match its digest " + d.digest() + " (got "
                    + actual + ")");
        }
        config = ImageConfig.parse(bytes, name);
        return config;
    }

    /** The blob as stored; its digest and size are checked when it is read to the end. */
    @Override
    public InputStream openBlob(Descriptor blob) throws ImageException {
        checkDigest(blob.digest(), "the blob");
        InputStream in = client.open(target(), RegistryClient.Kind.BLOB, "blobs/" + blob.digest());
        try {
            return new DigestingInputStream(in, blob.digest(), blob.size() > 0 ? blob.size() : -1, name);
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new ImageException(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (ownsClient) client.close();
    }

    private RegistryClient.Target target() {
        return new RegistryClient.Target(ref, name, meter);
    }

    private record Fetched(String digest, String mediaType, JsonNode json) {
    }

    /** Fetches a manifest or index by tag or digest, checks its digest and tells its media type. */
    private Fetched fetchManifest(RegistryClient.Target target, String reference, String expectedDigest)
            throws ImageException {
        if (expectedDigest != null) checkDigest(expectedDigest, "the manifest");
        RegistryClient.Body body = client.get(target, RegistryClient.Kind.MANIFEST, "manifests/" + reference, ACCEPT,
                MAX_MANIFEST_BYTES);
        byte[] bytes = body.bytes();
        String claimed = expectedDigest != null ? expectedDigest
                : body.headers().firstValue("Docker-Content-Digest").filter(d -> DIGEST.matcher(d).matches())
                .orElse(null);
        String actual = Digests.of(bytes, claimed);
        if (claimed != null && !actual.equals(claimed)) {
            throw new ImageException(name + ": the manifest does not match its digest " + claimed + " (got " + actual
                    + ")");
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) throw new ImageException(name + ": the manifest is not a JSON object");
        String type = json.path("mediaType").asText("");
        if (type.isEmpty()) {
            type = body.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse("");
        }
        if (!MediaTypes.INDEXES.contains(type) && !MediaTypes.MANIFESTS.contains(type)) {
            // an OCI manifest or index may leave out mediaType; tell them apart by their fields
            if (json.has("manifests")) type = MediaTypes.OCI_INDEX;
            else if (json.has("config") && json.path("schemaVersion").asInt() == 2) type = MediaTypes.OCI_MANIFEST;
            else throw new ImageException(name + ": unsupported manifest type "
                        + (type.isEmpty() ? "(schema " + json.path("schemaVersion").asText("?") + ")" : type));
        }
        return new Fetched(actual, type, json);
    }

    /** The index entry for the wanted platform. */
    private Descriptor choose(Fetched index) throws ImageException {
        Platform wanted = client.options().platform();
        Set<String> available = new LinkedHashSet<>();
        for (JsonNode m : index.json().path("manifests")) {
            Descriptor d = descriptor(m, "an index entry");
            if (d.platform() == null || d.platform().os().equals("unknown")) continue; // attestations and the like
            if (wanted.accepts(d.platform())) return d;
            available.add(d.platform().toString());
        }
        throw new ImageException(name + ": no manifest for " + wanted + " in the index"
                + (available.isEmpty() ? " (it names no platform)" : "; it has " + String.join(", ", available)));
    }

    private Descriptor descriptor(JsonNode n, String what) throws ImageException {
        String digest = n.path("digest").asText("");
        checkDigest(digest, what);
        Platform platform = null;
        JsonNode p = n.path("platform");
        if (p.isObject() && p.path("os").isTextual() && p.path("architecture").isTextual()) {
            String variant = p.path("variant").asText("");
            platform = new Platform(p.path("os").asText(), p.path("architecture").asText(),
                    variant.isEmpty() ? null : variant);
        }
        return new Descriptor(n.path("mediaType").asText(""), digest, n.path("size").asLong(-1), platform);
    }

    private void checkDigest(String digest, String what) throws ImageException {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new ImageException(name + ": " + what + " has an invalid digest '" + digest + "'");
        }
    }
}
