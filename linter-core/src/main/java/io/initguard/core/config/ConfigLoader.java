package io.initguard.core.config;

import io.initguard.core.kubernetes.PodTemplatePath;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.initguard.core.catalog.BaseImageCatalog;
import io.initguard.core.catalog.CatalogException;
import io.initguard.core.catalog.Catalogs;
import io.initguard.core.catalog.InitCatalog;
import io.initguard.core.engine.RuleSetting;
import io.initguard.core.model.Severity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code .initguard.yaml}:
 * <pre>
 * failure-threshold: warning        # error | warning | info
 * rules:
 *   IG103: off                      # off | on | error | warning | info
 *   IG102: {enabled: true, severity: error}
 * base-images: [ ...entries as in the built-in base-images.yaml... ]
 * inits: [ ...entries as in the built-in inits.yaml... ]
 * pod-templates:                    # kinds (CRDs) with a pod template, beside the built-in ones
 *   - {apiVersion: "example.com/*", kind: Widget, path: spec.podTemplate}
 * resolve-images: true              # look images the catalogue does not know up (as lint --resolve-images)
 * </pre>
 * and finds the file that applies to a folder by walking up to the repository root.
 */
public final class ConfigLoader {
    public static final Set<String> NAMES = Set.of(".initguard.yaml", ".initguard.yml");
    private static final Set<String> KEYS = Set.of("failure-threshold", "rules", "base-images", "inits",
            "pod-templates", "resolve-images");
    /** Loaded on the first config file only: most runs have none, and a YAML parser is costly to start. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    private final Catalogs empty;
    private final Config defaults;
    private final Map<Path, Optional<Path>> found = new ConcurrentHashMap<>();

    /** @param empty empty catalogues, the base that a file's entries are added to */
    public ConfigLoader(Catalogs empty) {
        this.empty = empty;
        this.defaults = new Config(null, Map.of(), null, empty);
    }

    /** The config file that applies to files in {@code dir}: the nearest one up to the repository root. */
    public Optional<Path> find(Path dir) {
        return findAbsolute(dir.toAbsolutePath().normalize());
    }

    /** Each folder is looked at once: siblings share the answer of their parent. */
    private Optional<Path> findAbsolute(Path d) {
        Optional<Path> known = found.get(d);
        if (known != null) return known;
        Optional<Path> answer = Optional.empty();
        boolean here = false;
        for (String name : NAMES) {
            Path f = d.resolve(name);
            if (Files.isRegularFile(f)) {
                answer = Optional.of(f);
                here = true;
                break;
            }
        }
        if (!here && !Files.exists(d.resolve(".git")) && d.getParent() != null) answer = findAbsolute(d.getParent());
        found.put(d, answer);
        return answer;
    }

    /** A config file as loaded, or why it could not be. */
    private record Loaded(Config config, ConfigException problem) {
    }

    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    /**
     * The config that applies to files in {@code dir}: the nearest {@code .initguard.yaml} up to the repository root,
     * each file read once however many Dockerfiles it applies to; the defaults when there is none.
     */
    public Config forFolder(Path dir) throws ConfigException {
        Optional<Path> file = find(dir);
        if (file.isEmpty()) return defaults();
        Loaded l = loaded.computeIfAbsent(file.get(), f -> {
            try {
                return new Loaded(load(f), null);
            } catch (ConfigException e) {
                return new Loaded(null, e);
            }
        });
        if (l.problem() != null) throw l.problem();
        return l.config();
    }

    public Config defaults() {
        return defaults;
    }

    public Config load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = Yaml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ConfigException(file, l == null ? 0 : l.getLineNr(), "not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) return new Config(file, Map.of(), null, empty);
        if (!root.isObject()) throw new ConfigException(file, 1, "expected a mapping at the top");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new ConfigException(file, line(text, k), "unknown key '" + k + "' (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Severity threshold = null;
        if (root.has("failure-threshold")) {
            try {
                threshold = Severity.parse(root.get("failure-threshold").asText());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, line(text, "failure-threshold"), e.getMessage());
            }
        }
        Map<String, RuleSetting> rules = new HashMap<>();
        JsonNode rn = root.path("rules");
        if (!rn.isMissingNode() && !rn.isObject()) {
            throw new ConfigException(file, line(text, "rules"), "rules must be a mapping of rule IDs");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = rn.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey().toUpperCase(Locale.ROOT);
            try {
                rules.put(id, setting(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(file, line(text, e.getKey()), "rule " + id + ": " + ex.getMessage());
            }
        }
        Catalogs extra = empty;
        String section = "base-images";
        try {
            if (root.has("base-images")) {
                extra = new Catalogs(extra.inits(), BaseImageCatalog.load(subtree("images", root.get("base-images")),
                        file + " (base-images)"));
            }
            section = "inits";
            if (root.has("inits")) {
                extra = new Catalogs(InitCatalog.load(subtree("inits", root.get("inits")), file + " (inits)"),
                        extra.baseImages());
            }
        } catch (CatalogException e) {
            throw new ConfigException(file, line(text, section), section + ": " + e.reason());
        } catch (RuntimeException | IOException e) {
            throw new ConfigException(file, line(text, section), section + ": " + e.getMessage());
        }
        List<PodTemplatePath> podTemplates = List.of();
        if (root.has("pod-templates")) {
            try {
                podTemplates = PodTemplatePath.parse(Yaml.MAPPER.writeValueAsString(root.get("pod-templates")),
                        file.toString());
            } catch (IllegalArgumentException | IOException e) {
                throw new ConfigException(file, line(text, "pod-templates"), "pod-templates: "
                        + e.getMessage().replaceFirst("^.*?:\\d+: ", ""));
            }
        }
        Boolean resolveImages = null;
        if (root.has("resolve-images")) {
            JsonNode r = root.get("resolve-images");
            if (!r.isBoolean()) throw new ConfigException(file, line(text, "resolve-images"),
                    "resolve-images must be true or false");
            resolveImages = r.asBoolean();
        }
        return new Config(file, rules, threshold, extra, podTemplates, resolveImages);
    }

    /** The entries under {@code key} of the config, as a catalogue file of their own. */
    private static ByteArrayInputStream subtree(String rootKey, JsonNode node) throws IOException {
        return new ByteArrayInputStream(Yaml.MAPPER.writeValueAsBytes(Yaml.MAPPER.createObjectNode().set(rootKey, node)));
    }

    private static RuleSetting setting(JsonNode v) {
        if (v.isBoolean()) return new RuleSetting(v.asBoolean(), null);
        if (v.isTextual()) {
            String s = v.asText().trim().toLowerCase(Locale.ROOT);
            return switch (s) {
                case "off", "false", "disabled" -> new RuleSetting(false, null);
                case "on", "true", "enabled" -> RuleSetting.DEFAULT;
                default -> new RuleSetting(true, Severity.parse(s));
            };
        }
        if (v.isObject()) {
            boolean enabled = !v.has("enabled") || v.get("enabled").asBoolean(true);
            Severity sev = v.has("severity") ? Severity.parse(v.get("severity").asText()) : null;
            return new RuleSetting(enabled, sev);
        }
        throw new IllegalArgumentException("expected off, on, a severity, or {enabled, severity}");
    }

    private static int line(String text, String key) {
        int n = 1;
        for (String l : text.split("\n", -1)) {
            if (l.stripLeading().startsWith(key + ":") || l.stripLeading().startsWith("\"" + key + "\"")) return n;
            n++;
        }
        return 1;
    }
}
