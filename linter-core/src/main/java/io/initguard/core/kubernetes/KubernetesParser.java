package io.initguard.core.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
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
 * {@link PodTemplatePath} knows. The pod spec is read into fabric8's model ({@link PodSpec}, {@link Container}); the
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
        ObjectMeta meta = convert(YamlDocuments.value(object, "metadata"), ObjectMeta.class);
        ObjectMeta templateMeta = template == object ? null
                : convert(YamlDocuments.value(template, "metadata"), ObjectMeta.class);
        Node specNode = YamlDocuments.value(template, "spec");
        PodSpec spec = convert(specNode, PodSpec.class);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (meta != null && meta.getAnnotations() != null) annotations.putAll(meta.getAnnotations());
        if (templateMeta != null && templateMeta.getAnnotations() != null) annotations.putAll(templateMeta.getAnnotations());
        String name = meta == null ? null : meta.getName();
        if (name == null && meta != null && meta.getGenerateName() != null) name = meta.getGenerateName();
        if (name == null) name = "(unnamed)";

        List<PodContainer> containers = new ArrayList<>();
        if (spec != null && spec.getContainers() != null) {
            List<Node> nodes = YamlDocuments.value(specNode, "containers") instanceof SequenceNode s
                    ? s.getValue() : List.of();
            for (int i = 0; i < spec.getContainers().size(); i++) {
                Container c = spec.getContainers().get(i);
                Node cn = i < nodes.size() ? nodes.get(i) : specNode;
                Node nameKey = YamlDocuments.key(cn, "name");
                containers.add(new PodContainer(c.getName() == null ? "container-" + i : c.getName(), c.getImage(),
                        c.getCommand() == null ? List.of() : c.getCommand(),
                        c.getArgs() == null ? List.of() : c.getArgs(),
                        YamlDocuments.location(file, firstLine, nameKey != null ? nameKey : cn),
                        keyAt(file, firstLine, cn, "image"), keyAt(file, firstLine, cn, "command"),
                        keyAt(file, firstLine, cn, "args")));
            }
        }
        boolean share = spec != null && Boolean.TRUE.equals(spec.getShareProcessNamespace());
        return new Workload(kind, name, at, annotations, share,
                share ? keyAt(file, firstLine, specNode, "shareProcessNamespace") : null, containers);
    }

    private static Location keyAt(String file, int firstLine, Node mapping, String key) {
        Node k = YamlDocuments.key(mapping, key);
        return k == null ? null : YamlDocuments.location(file, firstLine, k);
    }

    private static <T> T convert(Node node, Class<T> type) throws YamlDocuments.YamlException {
        if (node == null) return null;
        JsonNode json = YamlDocuments.toJson(node);
        if (json.isNull()) return null;
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JacksonException | IllegalArgumentException e) {
            String where = e instanceof JacksonException j && j.getPath() != null ? path(j) : "";
            throw new YamlDocuments.YamlException(node, "not a valid " + type.getSimpleName()
                    + (where.isEmpty() ? "" : " at " + where) + ": " + firstLine(e.getMessage()));
        }
    }

    /** {@code containers[0].command}: where in the object a value did not fit. */
    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) sb.append(sb.isEmpty() ? "" : ".").append(r.getPropertyName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String l = s.lines().findFirst().orElse("");
        int at = l.indexOf(" at [Source");
        return at > 0 ? l.substring(0, at) : l;
    }
}
