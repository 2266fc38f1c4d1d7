package io.initguard.core.kubernetes;

import io.initguard.core.model.Glob;
import io.initguard.core.yaml.YamlDocuments;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a kind keeps its pod template, as data (pod-templates.yaml, and {@code pod-templates:} in .initguard.yaml).
 *
 * @param apiVersion a glob of API versions ({@code apps/*})
 * @param kind       the kind, exactly
 * @param path       dotted mapping keys from the object to the pod template; empty when the object is the pod
 */
public record PodTemplatePath(String apiVersion, String kind, String path) {
    private static final class Builtin {
        static final List<PodTemplatePath> ALL = load();
    }

    /** The kinds Kubernetes and common CRDs (Argo Rollout) define. */
    public static List<PodTemplatePath> builtin() {
        return Builtin.ALL;
    }

    public boolean matches(String objectApiVersion, String objectKind) {
        return kind.equals(objectKind) && objectApiVersion != null
                && (apiVersion.equals(objectApiVersion) || apiVersion.indexOf('*') >= 0
                && Glob.of(apiVersion).matches(objectApiVersion));
    }

    /** The first of {@code paths} that matches. */
    public static PodTemplatePath find(List<PodTemplatePath> paths, String apiVersion, String kind) {
        for (PodTemplatePath p : paths) if (p.matches(apiVersion, kind)) return p;
        return null;
    }

    private static List<PodTemplatePath> load() {
        try (InputStream in = PodTemplatePath.class.getResourceAsStream("pod-templates.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text, "pod-templates.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a YAML list of {@code {apiVersion, kind, path}}; throws IllegalArgumentException naming the line. */
    public static List<PodTemplatePath> parse(String yaml, String file) {
        List<PodTemplatePath> out = new ArrayList<>();
        for (YamlDocuments.Document d : YamlDocuments.read(yaml)) {
            switch (d) {
                case YamlDocuments.Document.Broken b ->
                        throw new IllegalArgumentException(file + ":" + b.line() + ": " + b.reason());
                case YamlDocuments.Document.Parsed p -> out.addAll(of(p.root(), file, p.firstLine()));
            }
        }
        return List.copyOf(out);
    }

    /** The entries of a YAML sequence node. */
    public static List<PodTemplatePath> of(Node list, String file, int firstLine) {
        List<PodTemplatePath> out = new ArrayList<>();
        if (!(list instanceof SequenceNode s)) {
            throw new IllegalArgumentException(YamlDocuments.location(file, firstLine, list).line()
                    + ": pod-templates must be a list of {apiVersion, kind, path}");
        }
        for (Node n : s.getValue()) {
            String api = YamlDocuments.text(YamlDocuments.value(n, "apiVersion"));
            String kind = YamlDocuments.text(YamlDocuments.value(n, "kind"));
            String path = YamlDocuments.text(YamlDocuments.value(n, "path"));
            if (api == null || kind == null) {
                throw new IllegalArgumentException(YamlDocuments.location(file, firstLine, n).line()
                        + ": a pod template entry needs apiVersion and kind (and path)");
            }
            out.add(new PodTemplatePath(api, kind, path == null ? "" : path));
        }
        return out;
    }
}
