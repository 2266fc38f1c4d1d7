package io.initguard.core.image.layers;

import io.initguard.core.catalog.InitCatalog;
import io.initguard.core.catalog.InitSpec;
import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageConfig;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageManifest;
import io.initguard.core.image.ImageSource;
import io.initguard.core.image.MediaTypes;
import io.initguard.core.model.ImagePath;
import io.initguard.core.resolve.ImageFile;
import io.initguard.core.resolve.ImageView;
import io.initguard.core.shell.ShellKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An image's file system as the union of its layers, read lazily: building one reads the manifest and config only;
 * the first question about files ({@link #binSh()}, {@link #file(String)}, {@link #inits(InitCatalog)},
 * {@link #where(String)}) indexes every layer once with {@link LayerReader} (bottom first from a blob source; in
 * arrival order from a {@link LayerStream}) and applies whiteouts and opaque directories.
 *
 * <p>What is not read: from an uncompressed layer on disk ({@link SeekableBlobs}) only tar headers and small scripts
 * are read; from a stream, data is decompressed but only the first two bytes of files of at most 256 KiB are looked
 * at, and nothing after a layer's end-of-archive marker. Every layer is indexed in full: whether a lower layer
 * matters is only known once the upper ones are read, and the index then answers every later question.
 *
 * <p>When a layer cannot be read, the {@link ImageView} methods answer as if nothing were known ({@code UNKNOWN},
 * empty) and {@link #failure()} tells why; {@link #load()} throws instead.
 */
public final class LayeredImage implements ImageView {
    private static final int MAX_LINKS = 40;

    private final ImageSource source;
    private final ImageManifest manifest;
    private final ImageConfig config;
    private final long textLimit;
    private final List<String> steps;

    private boolean loaded;
    private ImageException failure;
    private int layersRead;
    private List<LayerIndex> layers = List.of();
    private final NavigableMap<String, Node> files = new TreeMap<>();

    private record Node(LayerEntry entry, int layer) {
    }

    private record Resolved(String path, Node node, List<String> names) {
    }

    /** An image over {@code source} with the default script text cap of 32 MiB. */
    public LayeredImage(ImageSource source) throws ImageException {
        this(source, TextBudget.DEFAULT_BYTES);
    }

    /** @param textLimit bytes of script text kept for the whole image */
    public LayeredImage(ImageSource source, long textLimit) throws ImageException {
        this.source = source;
        this.manifest = source.manifest();
        this.config = source.config();
        this.textLimit = textLimit;
        this.steps = steps(config, manifest.layers().size());
    }

    public ImageManifest manifest() {
        return manifest;
    }

    public ImageConfig config() {
        return config;
    }

    /** How many layer blobs have been indexed (0 until a question about files is asked). */
    public synchronized int layersRead() {
        return layersRead;
    }

    /** Why the layers could not be read, if they could not. */
    public synchronized Optional<ImageException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Indexes the layers now if that has not happened yet. */
    public synchronized void load() throws ImageException {
        if (!loaded) {
            loaded = true;
            try {
                layers = readLayers();
                merge();
            } catch (ImageException e) {
                failure = e;
                files.clear();
            }
        }
        if (failure != null) throw failure;
    }

    private boolean ready() {
        try {
            load();
            return true;
        } catch (ImageException e) {
            return false;
        }
    }

    /** Once the layers are read, every file of the image is known: one the index does not hold is not there. */
    @Override
    public synchronized boolean complete() {
        return ready();
    }

    @Override
    public synchronized ShellKind binSh() {
        if (!ready()) return ShellKind.UNKNOWN;
        Resolved r = resolve("/bin/sh", true);
        if (r == null) return ShellKind.UNKNOWN;
        if (r.node() == null) {
            Resolved unfollowed = resolve("/bin/sh", false);
            return unfollowed == null || unfollowed.node() == null ? ShellKind.NONE : ShellKind.UNKNOWN;
        }
        List<String> names = new ArrayList<>(r.names());
        names.add(r.path());
        if (r.node().entry().type() == EntryType.HARDLINK || r.node().entry().type() == EntryType.FILE) {
            names.addAll(hardlinkGroup(r.node()));
        }
        for (String name : names.reversed()) {
            ShellKind kind = ShellKind.ofProgram(name);
            if (kind != null && kind != ShellKind.UNKNOWN) return kind;
        }
        return ShellKind.UNKNOWN;
    }

    @Override
    public synchronized Optional<ImageFile> file(String program) {
        if (program == null || program.isBlank() || !ready()) return Optional.empty();
        for (String candidate : ImagePath.candidates(program, config.workingDir(), config.path())) {
            Resolved r = resolve(candidate, true);
            if (r == null || r.node() == null) continue;
            Node content = content(r.node());
            if (content.entry().type() != EntryType.FILE) continue;
            String origin = origin(r.node().layer()).describe() + " " + r.path();
            if (content.entry().text() != null) return Optional.of(new ImageFile.Text(content.entry().text(), origin));
            if (content.entry().script()) {
                return Optional.of(new ImageFile.Unreadable(origin,
                        "the image's scripts hold more than " + (textLimit >> 20) + " MiB of text"));
            }
            return Optional.of(new ImageFile.Opaque(origin));
        }
        return Optional.empty();
    }

    /**
     * The known inits present: files and links whose path is one of an entry's {@code paths}, or whose base name is
     * one of its {@code programs} in a folder of PATH or a folder named {@code bin} or {@code sbin}.
     */
    public synchronized List<FoundInit> inits(InitCatalog catalog) {
        if (!ready()) return List.of();
        List<String> path = config.path();
        List<FoundInit> found = new ArrayList<>();
        for (Map.Entry<String, Node> e : files.entrySet()) {
            LayerEntry entry = e.getValue().entry();
            if (entry.type() == EntryType.DIRECTORY || entry.type() == EntryType.OTHER) continue;
            Optional<InitSpec> spec = catalog.find(e.getKey());
            if (spec.isEmpty()) continue;
            String dir = e.getKey().substring(0, Math.max(1, e.getKey().lastIndexOf('/')));
            boolean byPath = spec.get().paths().contains(e.getKey());
            if (byPath || path.contains(dir) || ImageConfig.DEFAULT_PATH.contains(dir) || dir.endsWith("bin")) {
                found.add(new FoundInit(spec.get(), e.getKey(), entry.type(), entry.linkTarget(),
                        origin(e.getValue().layer())));
            }
        }
        return found;
    }

    /** The layer the entry at {@code path} (folders on the way followed, the last component not) came from. */
    public synchronized Optional<LayerOrigin> where(String path) {
        if (path == null || !path.startsWith("/") || !ready()) return Optional.empty();
        Resolved r = resolve(ImagePath.normalise(path), false);
        return r == null || r.node() == null ? Optional.empty() : Optional.of(origin(r.node().layer()));
    }

    private List<LayerIndex> readLayers() throws ImageException {
        TextBudget budget = new TextBudget(textLimit);
        List<Descriptor> descriptors = manifest.layers();
        if (source instanceof LayerStream stream) {
            List<LayerIndex> read = stream.readAllLayers(in -> {
                layersRead++;
                return LayerReader.read(in, MediaTypes.Compression.DETECT, budget);
            });
            if (read.size() != descriptors.size()) {
                throw new ImageException(source.name() + ": " + read.size() + " layers read, the image has "
                        + descriptors.size());
            }
            return read;
        }
        List<LayerIndex> read = new ArrayList<>();
        for (int i = 0; i < descriptors.size(); i++) {
            Descriptor layer = descriptors.get(i);
            try {
                read.add(readLayer(layer, budget));
                layersRead++;
            } catch (IOException e) {
                throw new ImageException(source.name() + ": layer " + (i + 1) + " " + layer.digest()
                        + " is not a readable tar: " + e.getMessage());
            }
        }
        return read;
    }

    private LayerIndex readLayer(Descriptor layer, TextBudget budget) throws ImageException, IOException {
        if (source instanceof SeekableBlobs seekable) {
            try (SeekableByteChannel channel = seekable.openSeekable(layer)) {
                if (LayerReader.detect(channel) == MediaTypes.Compression.NONE) {
                    return LayerReader.read(channel, budget);
                }
                return LayerReader.read(java.nio.channels.Channels.newInputStream(channel),
                        MediaTypes.Compression.DETECT, budget);
            }
        }
        try (InputStream in = source.openBlob(layer)) {
            return LayerReader.read(in, MediaTypes.compression(layer.mediaType()), budget);
        }
    }

    private void merge() {
        for (int i = 0; i < layers.size(); i++) {
            LayerIndex layer = layers.get(i);
            for (String dir : layer.opaqueDirs()) below(dir).clear();
            for (String gone : layer.whiteouts()) {
                files.remove(gone);
                below(gone).clear();
            }
            for (LayerEntry entry : layer.entries().values()) {
                Node lower = files.get(entry.path());
                if (entry.type() != EntryType.DIRECTORY && lower != null && lower.layer() < i) {
                    below(entry.path()).clear();
                }
                files.put(entry.path(), new Node(entry, i));
            }
        }
    }

    private NavigableMap<String, Node> below(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        String end = prefix.substring(0, prefix.length() - 1) + (char) ('/' + 1);
        return files.subMap(prefix, true, end, false);
    }

    /**
     * Follows symlinks in every component (and in the last when {@code followLast}); null after more than 40 links
     * (a loop). The node is null when nothing is at the resolved path.
     */
    private Resolved resolve(String path, boolean followLast) {
        Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
        List<String> names = new ArrayList<>(List.of(path));
        String cur = "";
        int hops = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                cur = cur.isEmpty() ? "" : cur.substring(0, cur.lastIndexOf('/'));
                continue;
            }
            String next = cur + "/" + part;
            Node node = files.get(next);
            if (node != null && node.entry().type() == EntryType.SYMLINK && (!todo.isEmpty() || followLast)) {
                if (++hops > MAX_LINKS) return null;
                String target = node.entry().linkTarget();
                names.add(target);
                String[] parts = target.split("/");
                for (int k = parts.length - 1; k >= 0; k--) todo.addFirst(parts[k]);
                if (target.startsWith("/")) cur = "";
                continue;
            }
            cur = next;
        }
        String resolved = cur.isEmpty() ? "/" : cur;
        return new Resolved(resolved, files.get(resolved), names);
    }

    /** For a hardlink, the node of the file it shares data with (in its own layer first). */
    private Node content(Node node) {
        if (node.entry().type() != EntryType.HARDLINK) return node;
        LayerEntry same = layers.get(node.layer()).entries().get(node.entry().linkTarget());
        if (same != null) return new Node(same, node.layer());
        Node merged = files.get(node.entry().linkTarget());
        return merged != null ? merged : node;
    }

    /** The paths of the node's layer that share its data (hardlinks to it, or to what it links to). */
    private List<String> hardlinkGroup(Node node) {
        String target = node.entry().type() == EntryType.HARDLINK ? node.entry().linkTarget() : node.entry().path();
        List<String> group = new ArrayList<>(List.of(target));
        for (LayerEntry e : layers.get(node.layer()).entries().values()) {
            if (e.type() == EntryType.HARDLINK && e.linkTarget().equals(target)) group.add(e.path());
        }
        return group;
    }

    private LayerOrigin origin(int layer) {
        return new LayerOrigin(layer + 1, manifest.layers().get(layer), steps.get(layer));
    }

    /** The build step of each layer, from the history's non-empty entries when they match the layers one to one. */
    private static List<String> steps(ImageConfig config, int layers) {
        List<String> steps = new ArrayList<>();
        for (ImageConfig.History h : config.history()) {
            if (!h.emptyLayer()) steps.add(step(h.createdBy()));
        }
        if (steps.size() != layers) {
            steps.clear();
            for (int i = 0; i < layers; i++) steps.add(null);
        }
        return steps;
    }

    static String step(String createdBy) {
        if (createdBy == null || createdBy.isBlank()) return null;
        String s = createdBy.strip();
        if (s.endsWith("# buildkit")) s = s.substring(0, s.length() - "# buildkit".length()).strip();
        if (s.startsWith("/bin/sh -c #(nop) ")) {
            s = s.substring("/bin/sh -c #(nop) ".length()).strip();
        } else if (s.startsWith("/bin/sh -c ")) {
            s = "RUN " + s.substring("/bin/sh -c ".length()).strip();
        } else if (s.startsWith("|")) {
            s = "RUN " + s;
        }
        s = s.replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }
}
