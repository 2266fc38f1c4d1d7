package io.initguard.core.yaml;

import io.initguard.core.model.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a multi-document YAML file safely, one document at a time, so that a broken document does not hide the
 * others: the text is split at {@code ---} and {@code ...} lines, and each document is composed into SnakeYAML nodes,
 * which keep the line and column of every key and value. Nothing is ever constructed from tags; aliases to collections
 * are limited (alias bombs), and so are the size, the nesting depth and the nodes a conversion may expand to.
 */
public final class YamlDocuments {
    /** The largest file read: 8 MiB of code points. */
    public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    private static final int MAX_ALIASES = 100;
    private static final int MAX_DEPTH = 64;
    /** The most nodes one document may expand to through aliases when converted to a tree. */
    private static final int MAX_NODES = 1_000_000;
    private static final Pattern DOCUMENT_START = Pattern.compile("^---(?:[ \\t].*)?$");
    private static final Pattern DOCUMENT_END = Pattern.compile("^\\.\\.\\.[ \\t]*(?:#.*)?$");

    private static final Resolver RESOLVER = new FastResolver();

    private YamlDocuments() {
    }

    /**
     * SnakeYAML's resolver tries a regular expression per plain scalar whose first character could start a number,
     * a boolean or a null; most values of a manifest (names, images, paths) cannot be any of those, which a look at
     * the first character and the length tells. It is stateless once built, so one serves every document.
     */
    private static final class FastResolver extends Resolver {
        @Override
        public Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
            if (kind == org.yaml.snakeyaml.nodes.NodeId.scalar && implicit && !value.isEmpty()) {
                char c = value.charAt(0);
                boolean keywordStart = "yYnNtTfFoO".indexOf(c) >= 0;
                boolean special = (c >= '0' && c <= '9') || "+-.~<=".indexOf(c) >= 0;
                // The longest keyword (false, FALSE, False) has five letters.
                if (!special && (!keywordStart || value.length() > 5)) return Tag.STR;
            }
            return super.resolve(kind, value, implicit);
        }
    }

    /** One document: its root node, or why it could not be read. Lines are the file's, 1-based. */
    public sealed interface Document {
        /** @param root the root node; null for an empty document */
        record Parsed(Node root, int firstLine) implements Document {
        }

        record Broken(int line, int column, String reason) implements Document {
        }
    }

    /**
     * SnakeYAML's limits for files of unknown origin: few aliases to collections (alias bombs), no recursive keys,
     * bounded nesting and size, comments dropped. Only ever used to compose nodes: no tag constructs an object.
     */
    public static LoaderOptions safeOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setProcessComments(false);
        return options;
    }

    /** The documents of {@code text}; documents holding only comments are left out. */
    public static List<Document> read(String text) {
        List<Document> out = new ArrayList<>();
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            out.add(new Document.Broken(1, 1, "larger than " + MAX_CODE_POINTS / (1024 * 1024) + " MiB"));
            return out;
        }
        List<String> lines = lines(text);
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean end = i == lines.size();
            String line = end ? "" : lines.get(i);
            boolean marker = !end && line.startsWith("---") && DOCUMENT_START.matcher(line).matches();
            boolean closer = !end && line.startsWith("...") && DOCUMENT_END.matcher(line).matches();
            if (end || marker || closer) {
                // A `---` line belongs to the document it opens; a `...` line ends the one before it.
                int to = closer ? i + 1 : i;
                if (to > start) chunk(lines, start, to, out);
                start = closer ? i + 1 : i;
            }
        }
        return out;
    }

    /** The lines of {@code text}, without their {@code \n} or {@code \r\n}. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        int n = text.length();
        while (true) {
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                lines.add(text.substring(from, n));
                return lines;
            }
            int end = nl > from && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            lines.add(text.substring(from, end));
            from = nl + 1;
        }
    }

    private static void chunk(List<String> lines, int from, int to, List<Document> out) {
        boolean content = false;
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (!content) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#") && !t.equals("---") && !t.equals("...")) content = true;
            }
            sb.append(line).append('\n');
        }
        if (!content) return;
        try {
            LoaderOptions options = safeOptions();
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(sb.toString())),
                    options), RESOLVER, options);
            Node root = composer.getSingleNode();
            out.add(new Document.Parsed(root, from + 1));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String reason = e.getProblem() != null ? e.getProblem() : e.getContext();
            out.add(new Document.Broken(m == null ? from + 1 : from + m.getLine() + 1,
                    m == null ? 1 : m.getColumn() + 1, "not valid YAML: " + oneLine(reason)));
        } catch (YAMLException e) {
            out.add(new Document.Broken(from + 1, 1, "not valid YAML: " + oneLine(e.getMessage())));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    /** Where {@code node} starts, in a document that begins at line {@code firstLine} of {@code file}. */
    public static Location location(String file, int firstLine, Node node) {
        Mark m = node.getStartMark();
        return m == null ? Location.of(file, firstLine) : new Location(file, firstLine + m.getLine(), m.getColumn() + 1);
    }

    /** The value of {@code key} in a mapping node, or null (also when {@code mapping} is not a mapping). */
    public static Node value(Node mapping, String key) {
        NodeTuple t = entry(mapping, key);
        return t == null ? null : t.getValueNode();
    }

    /** The key node of {@code key} in a mapping node, or null. */
    public static Node key(Node mapping, String key) {
        NodeTuple t = entry(mapping, key);
        return t == null ? null : t.getKeyNode();
    }

    private static NodeTuple entry(Node mapping, String key) {
        if (!(mapping instanceof MappingNode m)) return null;
        NodeTuple found = null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) found = t;
        }
        return found;
    }

    /** The node at a dotted path of mapping keys ({@code spec.template}); the node itself for an empty path. */
    public static Node at(Node node, String dottedPath) {
        if (dottedPath.isEmpty()) return node;
        Node cur = node;
        for (String k : dottedPath.split("\\.")) {
            cur = value(cur, k);
            if (cur == null) return null;
        }
        return cur;
    }

    /** A scalar node's text, or null for anything else (and for YAML null). */
    public static String text(Node node) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) return s.getValue();
        return null;
    }

    /**
     * The node as a Jackson 3 tree (for typed views: fabric8's Kubernetes model is built on Jackson 3), with scalars
     * typed as YAML 1.1 core resolution says and merge keys applied.
     */
    public static JsonNode toJson(Node node) throws YamlException {
        int[] budget = {MAX_NODES};
        return convert(node, budget, 0);
    }

    private static JsonNode convert(Node node, int[] budget, int depth) throws YamlException {
        if (--budget[0] < 0) {
            throw new YamlException(node, "the document expands to more than " + MAX_NODES + " nodes (aliases?)");
        }
        if (depth > MAX_DEPTH) throw new YamlException(node, "nested deeper than " + MAX_DEPTH);
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (node) {
            case MappingNode m -> {
                ObjectNode o = f.objectNode();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("<<")) {
                        merge(o, t.getValueNode(), budget, depth);
                        continue;
                    }
                    String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
                    o.set(k, convert(t.getValueNode(), budget, depth + 1));
                }
                return o;
            }
            case SequenceNode s -> {
                ArrayNode a = f.arrayNode();
                for (Node n : s.getValue()) a.add(convert(n, budget, depth + 1));
                return a;
            }
            case ScalarNode s -> {
                return scalar(s);
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    /** {@code <<: *defaults}: keys the mapping sets itself win (they are set after, or before and kept). */
    private static void merge(ObjectNode into, Node merged, int[] budget, int depth) throws YamlException {
        List<Node> sources = merged instanceof SequenceNode s ? s.getValue() : List.of(merged);
        for (Node src : sources) {
            JsonNode j = convert(src, budget, depth + 1);
            if (!j.isObject()) throw new YamlException(src, "a merge key (<<) needs a mapping");
            j.properties().forEach(e -> {
                if (!into.has(e.getKey())) into.set(e.getKey(), e.getValue());
            });
        }
    }

    private static JsonNode scalar(ScalarNode s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Tag tag = s.getTag();
        String v = s.getValue();
        try {
            if (tag.equals(Tag.NULL)) return f.nullNode();
            if (tag.equals(Tag.BOOL)) return f.booleanNode(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")
                    || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("y"));
            if (tag.equals(Tag.INT)) {
                BigInteger b = new BigInteger(v.replace("_", "").replace("+", ""));
                if (b.bitLength() < 32) return f.numberNode(b.intValue());
                return b.bitLength() < 64 ? f.numberNode(b.longValue()) : f.numberNode(b);
            }
            if (tag.equals(Tag.FLOAT)) return f.numberNode(Double.parseDouble(v.replace("_", "")));
        } catch (NumberFormatException e) {
            return f.textNode(v);
        }
        return f.textNode(v);
    }

    /** A document that parsed as YAML but cannot be converted; points at the node. */
    public static final class YamlException extends Exception {
        private final transient Node node;

        public YamlException(Node node, String reason) {
            super(reason);
            this.node = node;
        }

        public Node node() {
            return node;
        }
    }
}
