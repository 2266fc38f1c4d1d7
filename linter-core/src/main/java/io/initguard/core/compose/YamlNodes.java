package io.initguard.core.compose;

import io.initguard.core.model.Location;
import io.initguard.core.yaml.YamlDocuments;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** Bounded YAML loading to nodes (never Java objects) and mapping entries with merge keys applied. */
final class YamlNodes {

    /** A mapping entry: its key node, the key's text and the value node. */
    record Entry(ScalarNode key, String name, Node value) {
    }

    private YamlNodes() {
    }

    /** Composes the single document of {@code content}; null for an empty document. */
    static Node load(String file, String content) throws ComposeSyntaxException {
        LoaderOptions options = YamlDocuments.safeOptions();
        DumperOptions dumper = new DumperOptions();
        // Only compose() is called: the constructor never runs, so no tag can create a Java object.
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
        if (content.length() > YamlDocuments.MAX_CODE_POINTS) {
            throw new ComposeSyntaxException(Location.of(file, 1), "file is larger than " + YamlDocuments.MAX_CODE_POINTS
                    + " characters");
        }
        try {
            return yaml.compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            if (e.getContext() != null && e.getProblem() != null) {
                problem = problem + " (" + e.getContext() + ")";
            }
            Location at = mark == null ? Location.of(file, 1) : at(file, mark);
            throw new ComposeSyntaxException(at, "invalid YAML: " + oneLine(problem));
        } catch (YAMLException e) {
            throw new ComposeSyntaxException(Location.of(file, 1), "invalid YAML: " + oneLine(e.getMessage()));
        }
    }

    static Location at(String file, Node node) {
        return at(file, node.getStartMark());
    }

    static Location at(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "cannot be read";
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /**
     * The entries of {@code mapping} in order, with YAML merge keys ({@code <<: *a} or {@code <<: [*a, *b]})
     * applied: the mapping's own keys win over merged ones, and earlier merged mappings win over later ones.
     */
    static LinkedHashMap<String, Entry> entries(String file, MappingNode mapping) throws ComposeSyntaxException {
        return entries(file, mapping, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static LinkedHashMap<String, Entry> entries(String file, MappingNode mapping, Set<Node> open)
            throws ComposeSyntaxException {
        if (!open.add(mapping)) {
            throw new ComposeSyntaxException(at(file, mapping), "merge key '<<' includes the mapping that contains it");
        }
        LinkedHashMap<String, Entry> own = new LinkedHashMap<>();
        List<MappingNode> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                throw new ComposeSyntaxException(at(file, tuple.getKeyNode()), "mapping keys must be strings");
            }
            if (key.getTag().equals(Tag.MERGE)) {
                collectMerged(file, tuple.getValueNode(), merged);
                continue;
            }
            if (own.containsKey(key.getValue())) {
                throw new ComposeSyntaxException(at(file, key), "duplicate key '" + key.getValue() + "'");
            }
            own.put(key.getValue(), new Entry(key, key.getValue(), tuple.getValueNode()));
        }
        for (MappingNode source : merged) {
            for (Entry entry : entries(file, source, open).values()) {
                own.putIfAbsent(entry.name(), entry);
            }
        }
        open.remove(mapping);
        return own;
    }

    private static void collectMerged(String file, Node value, List<MappingNode> into) throws ComposeSyntaxException {
        if (value instanceof MappingNode m) {
            into.add(m);
        } else if (value instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode m)) {
                    throw new ComposeSyntaxException(at(file, item), "merge key '<<' takes mappings only");
                }
                into.add(m);
            }
        } else {
            throw new ComposeSyntaxException(at(file, value), "merge key '<<' takes a mapping or a list of mappings");
        }
    }
}
