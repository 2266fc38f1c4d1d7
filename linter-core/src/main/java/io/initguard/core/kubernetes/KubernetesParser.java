package io.initguard.core.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.initguard.core.model.LintError;
import io.initguard.core.model.Location;
import io.initguard.core.yaml.YamlDocuments;
import io.initguard.core.yaml.YamlDocuments.Document;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes manifests: multi-document files, {@code kind: List}, and every kind whose pod template
 * {@link PodTemplatePath} knows. What decides PID 1 is read into fabric8's model ({@link Container}, {@link ObjectMeta}); the
 * YAML nodes give each container's lines. Other kinds, and documents that are not Kubernetes objects, are skipped; a
 * document that is not valid YAML is an error with its line, and the other documents are still read.
 */
public final class KubernetesParser {
    /** Jackson 3, as fabric8's model is annotated for (its IntOrString and Quantity deserializers are Jackson 3's). */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int MAX_LIST_DEPTH = 8;

    private final List<PodTemplatePath> templates;

    /** @param templates where pod templates are, first match wins ({@link PodTemplatePath#builtin()} and more) */
    public KubernetesParser(List<PodTemplatePath> templates) {
        this.templates = List.copyOf(templates);
    }

    public KubernetesFile parse(String file, String text) {
        List<Workload> workloads = new ArrayList<>();
        List<LintError> errors = new ArrayList<>();
        for (Document d : YamlDocuments.read(text)) {
            switch (d) {
                case Document.Broken b -> errors.add(new LintError(file, b.line(), b.column(), b.reason()));
                case Document.Parsed p -> {
                    if (p.root() != null) object(file, p.firstLine(), p.root(), workloads, errors, 0);
                }
            }
        }
        return new KubernetesFile(file, workloads, errors);
    }

    private void object(String file, int firstLine, Node node, List<Workload> out, List<LintError> errors, int depth) {
        if (!(node instanceof MappingNode)) return;
        String apiVersion = YamlDocuments.text(YamlDocuments.value(node, "apiVersion"));
        String kind = YamlDocuments.text(YamlDocuments.value(node, "kind"));
        if (kind == null || apiVersion == null) return;
        if (kind.equals("List") || kind.endsWith("List") && YamlDocuments.value(node, "items") instanceof SequenceNode) {
            if (depth >= MAX_LIST_DEPTH) return;
            if (YamlDocuments.value(node, "items") instanceof SequenceNode items) {
                for (Node item : items.getValue()) object(file, firstLine, item, out, errors, depth + 1);
            }
            return;
        }
        PodTemplatePath where = PodTemplatePath.find(templates, apiVersion, kind);
        if (where == null) return;
        Node template = YamlDocuments.at(node, where.path());
        if (!(template instanceof MappingNode)) return;
        Location at = YamlDocuments.location(file, firstLine, YamlDocuments.key(node, "kind"));
        try {
            out.add(workload(file, firstLine, node, template, kind, at));
        } catch (YamlDocuments.YamlException e) {
            Location l = YamlDocuments.location(file, firstLine, e.node());
            errors.add(new LintError(file, l.line(), l.column(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            Location l = YamlDocuments.location(file, firstLine, template);
            errors.add(new LintError(file, l.line(), l.column(), kind + ": " + firstLine(e.getMessage())));
        }
    }

    private static Workload workload(String file, int firstLine, Node object, Node template, String kind, Location at)
            throws YamlDocuments.YamlException {
        ObjectMeta meta = convert(YamlDocuments.value(object, "metadata"), ObjectMeta.class, "metadata");
        ObjectMeta templateMeta = template == object ? null
                : convert(YamlDocuments.value(template, "metadata"), ObjectMeta.class, "metadata");
        Node specNode = YamlDocuments.value(template, "spec");
        Map<String, String> annotations = new LinkedHashMap<>();
        if (meta != null && meta.getAnnotations() != null) annotations.putAll(meta.getAnnotations());
        if (templateMeta != null && templateMeta.getAnnotations() != null) annotations.putAll(templateMeta.getAnnotations());
        String name = meta == null ? null : meta.getName();
        if (name == null && meta != null && meta.getGenerateName() != null) name = meta.getGenerateName();
        if (name == null) name = "(unnamed)";

        // Only what decides PID 1 is read into fabric8's types: each Container, and shareProcessNamespace. The rest of
        // the pod spec (volumes, affinity, ...) is not this linter's business, and converting it costs.
        List<PodContainer> containers = new ArrayList<>();
        Node list = YamlDocuments.value(specNode, "containers");
        if (list != null && !(list instanceof SequenceNode) && YamlDocuments.text(list) != null) {
            throw new YamlDocuments.YamlException(list, "containers: expected a list of containers");
        }
        List<Node> nodes = list instanceof SequenceNode seq ? seq.getValue() : List.of();
        for (int i = 0; i < nodes.size(); i++) {
            Node cn = nodes.get(i);
            Container c = convert(cn, Container.class, "containers[" + i + "]");
            if (c == null) continue;
            Node nameKey = YamlDocuments.key(cn, "name");
            containers.add(new PodContainer(c.getName() == null ? "container-" + i : c.getName(), c.getImage(),
                    c.getCommand() == null ? List.of() : c.getCommand(),
                    c.getArgs() == null ? List.of() : c.getArgs(),
                    YamlDocuments.location(file, firstLine, nameKey != null ? nameKey : cn),
                    keyAt(file, firstLine, cn, "image"), keyAt(file, firstLine, cn, "command"),
                    keyAt(file, firstLine, cn, "args")));
        }
        Node shareNode = YamlDocuments.value(specNode, "shareProcessNamespace");
        Boolean share = shareNode == null ? null : convert(shareNode, Boolean.class, "shareProcessNamespace");
        boolean shared = Boolean.TRUE.equals(share);
        return new Workload(kind, name, at, annotations, shared,
                shared ? keyAt(file, firstLine, specNode, "shareProcessNamespace") : null, containers);
    }

    private static Location keyAt(String file, int firstLine, Node mapping, String key) {
        Node k = YamlDocuments.key(mapping, key);
        return k == null ? null : YamlDocuments.location(file, firstLine, k);
    }

    /**
     * Reads {@code node} into a fabric8 type. A value of the wrong shape is an error at that value's own node, saying
     * what was expected: {@code containers[0].command: expected a list}.
     *
     * @param what where {@code node} is in the pod spec, for messages
     */
    private static <T> T convert(Node node, Class<T> type, String what) throws YamlDocuments.YamlException {
        if (node == null) return null;
        JsonNode json = YamlDocuments.toJson(node);
        if (json.isNull()) return null;
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JacksonException | IllegalArgumentException e) {
            Node at = node;
            StringBuilder where = new StringBuilder(what);
            if (e instanceof JacksonException j && j.getPath() != null) {
                for (JacksonException.Reference r : j.getPath()) {
                    Node next = r.getPropertyName() != null ? YamlDocuments.value(at, r.getPropertyName())
                            : at instanceof SequenceNode s && r.getIndex() >= 0 && r.getIndex() < s.getValue().size()
                            ? s.getValue().get(r.getIndex()) : null;
                    if (next == null) break;
                    at = next;
                    where.append(r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]");
                }
            }
            throw new YamlDocuments.YamlException(at, where + ": " + expected(e.getMessage()));
        }
    }

    private static final java.util.regex.Pattern VALUE_TYPE = java.util.regex.Pattern.compile("(?:value of type|instance of) `([^`]+)`");

    /** What Jackson wanted, for people: {@code expected a list}, not {@code java.util.ArrayList<java.lang.String>}. */
    private static String expected(String message) {
        java.util.regex.Matcher m = VALUE_TYPE.matcher(message == null ? "" : message);
        if (!m.find()) return "not valid here: " + firstLine(message);
        String t = m.group(1);
        if (t.startsWith("java.util.") && (t.contains("List") || t.contains("Set"))) return "expected a list";
        if (t.startsWith("java.util.") && t.contains("Map")) return "expected a mapping";
        if (t.equals("java.lang.String")) return "expected a string";
        if (t.equals("java.lang.Boolean") || t.equals("boolean")) return "expected true or false";
        if (t.startsWith("java.lang.") || t.equals("int") || t.equals("long")) return "expected a number";
        if (t.endsWith("IntOrString")) return "expected a number or a name";
        if (t.endsWith("Quantity")) return "expected a quantity (500m, 1Gi)";
        return "expected a mapping (" + t.substring(t.lastIndexOf('.') + 1) + ")";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String l = s.lines().findFirst().orElse("");
        int at = l.indexOf(" at [Source");
        return at > 0 ? l.substring(0, at) : l;
    }
}
