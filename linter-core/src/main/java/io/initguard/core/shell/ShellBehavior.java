package io.initguard.core.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Measured exec behaviour of one shell: for each {@link ExecConstruct}, whether the shell execs the last command.
 * Loaded from {@code shells.yaml} next to this class.
 *
 * @param kind       the shell
 * @param measuredOn the shell version the data were measured with
 * @param execs      one boolean per construct (every construct present)
 */
public record ShellBehavior(ShellKind kind, String measuredOn, Map<ExecConstruct, Boolean> execs) {
    /** Classpath resource holding the data. */
    public static final String RESOURCE = "shells.yaml";

    public ShellBehavior {
        execs = Collections.unmodifiableMap(new EnumMap<>(execs));
    }

    /** Whether this shell execs the last command under {@code construct}. */
    public boolean execs(ExecConstruct construct) {
        return execs.get(construct);
    }

    /** Whether this shell execs the last command when all of {@code constructs} apply at once. */
    public boolean execsAll(Set<ExecConstruct> constructs) {
        return constructs.stream().allMatch(this::execs);
    }

    private static final Map<ShellKind, ShellBehavior> ALL = load();

    /** The behaviour of {@code kind}, or empty for NONE and UNKNOWN. */
    public static Optional<ShellBehavior> of(ShellKind kind) {
        return Optional.ofNullable(ALL.get(kind));
    }

    /** All measured shells (dash, bash, busybox). */
    public static Map<ShellKind, ShellBehavior> all() {
        return ALL;
    }

    /**
     * Whether the last command is exec'd under {@code constructs}: per shell for a known kind; for UNKNOWN only
     * when every measured shell agrees; empty when the answer depends on the shell or for NONE.
     */
    public static Optional<Boolean> execsAll(ShellKind kind, Set<ExecConstruct> constructs) {
        if (kind == ShellKind.UNKNOWN) {
            Boolean agreed = null;
            for (ShellBehavior b : ALL.values()) {
                boolean e = b.execsAll(constructs);
                if (agreed != null && agreed != e) return Optional.empty();
                agreed = e;
            }
            return Optional.ofNullable(agreed);
        }
        return of(kind).map(b -> b.execsAll(constructs));
    }

    /**
     * The build writes {@link #COMPILED} from shells.yaml (see {@link #main}); reading it needs no YAML parser, which
     * a short-lived CLI would otherwise load just for this file. Without it (running from an IDE), the YAML is read.
     */
    public static final String COMPILED = "shells.properties";

    private static Map<ShellKind, ShellBehavior> load() {
        try (InputStream compiled = ShellBehavior.class.getResourceAsStream(COMPILED)) {
            if (compiled != null) {
                Properties p = new Properties();
                p.load(compiled);
                return fromProperties(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMPILED, e);
        }
        return loadYaml();
    }

    static Map<ShellKind, ShellBehavior> loadYaml() {
        try (InputStream in = ShellBehavior.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** {@code KIND.measuredOn=...} and {@code KIND.CONSTRUCT=true|false}, as {@link #toProperties} writes them. */
    static Map<ShellKind, ShellBehavior> fromProperties(Properties p) {
        Map<ShellKind, ShellBehavior> out = new EnumMap<>(ShellKind.class);
        for (String kindName : p.getProperty("shells", "").split(",")) {
            ShellKind kind = ShellKind.parse(kindName);
            Map<ExecConstruct, Boolean> execs = new EnumMap<>(ExecConstruct.class);
            for (ExecConstruct c : ExecConstruct.values()) {
                String v = p.getProperty(kindName + "." + c.key());
                if (v == null) throw new IllegalStateException(COMPILED + ": " + kindName + " lacks " + c.key());
                execs.put(c, Boolean.parseBoolean(v));
            }
            out.put(kind, new ShellBehavior(kind, p.getProperty(kindName + ".measuredOn", ""), execs));
        }
        return Collections.unmodifiableMap(out);
    }

    static Properties toProperties(Map<ShellKind, ShellBehavior> all) {
        Properties p = new Properties();
        p.setProperty("shells", String.join(",", all.keySet().stream().map(ShellKind::id).toList()));
        for (ShellBehavior b : all.values()) {
            p.setProperty(b.kind().id() + ".measuredOn", b.measuredOn());
            b.execs().forEach((c, v) -> p.setProperty(b.kind().id() + "." + c.key(), v.toString()));
        }
        return p;
    }

    /** Build step: validates shells.yaml and writes {@link #COMPILED} into the folder given (target/classes/...). */
    public static void main(String[] args) throws IOException {
        java.nio.file.Path out = java.nio.file.Path.of(args[0]).resolve(COMPILED);
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(out)) {
            toProperties(loadYaml()).store(w, "generated from " + RESOURCE + " by ShellBehavior.main: do not edit");
        }
    }

    /** Reads the yaml tree {@code shells: {dash: {measuredOn: .., execs: {construct: bool}}}}; strict. */
    static Map<ShellKind, ShellBehavior> parse(JsonNode root) {
        JsonNode shells = root.path("shells");
        if (!shells.isObject()) throw new IllegalStateException(RESOURCE + ": missing 'shells' map");
        Map<ShellKind, ShellBehavior> out = new EnumMap<>(ShellKind.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = shells.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ShellKind kind = ShellKind.parse(e.getKey());
            if (kind == ShellKind.UNKNOWN || kind == ShellKind.NONE) {
                throw new IllegalStateException(RESOURCE + ": unknown shell '" + e.getKey() + "'");
            }
            JsonNode execsNode = e.getValue().path("execs");
            Map<ExecConstruct, Boolean> execs = new EnumMap<>(ExecConstruct.class);
            for (ExecConstruct c : ExecConstruct.values()) {
                JsonNode v = execsNode.get(c.key());
                if (v == null || !v.isBoolean()) {
                    throw new IllegalStateException(RESOURCE + ": shell '" + e.getKey() + "' lacks boolean '"
                            + c.key() + "'");
                }
                execs.put(c, v.booleanValue());
            }
            if (execsNode.size() != execs.size()) {
                throw new IllegalStateException(RESOURCE + ": shell '" + e.getKey() + "' has unknown constructs");
            }
            out.put(kind, new ShellBehavior(kind, e.getValue().path("measuredOn").asText(""), execs));
        }
        return Collections.unmodifiableMap(out);
    }
}
