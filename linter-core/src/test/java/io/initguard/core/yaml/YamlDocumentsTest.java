package io.initguard.core.yaml;

import tools.jackson.databind.JsonNode;
import io.initguard.core.yaml.YamlDocuments.Document;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link YamlDocuments}: splitting, file line numbers, broken documents, alias limits, conversion to a tree. */
class YamlDocumentsTest {
    private static Document.Parsed parsed(Document d) {
        return assertInstanceOf(Document.Parsed.class, d, () -> "expected a parsed document, got " + d);
    }

    /** The file line of the value of the dotted path in a parsed document. */
    private static int lineOf(Document.Parsed p, String path) {
        Node n = YamlDocuments.at(p.root(), path);
        return YamlDocuments.location("f.yaml", p.firstLine(), n).line();
    }

    @Test
    void splitsAtDocumentMarkersWithFileLineNumbers() {
        String text = """
                a: 1
                ---
                b: 2
                --- # a comment after the marker
                c:
                  d: 4
                """;
        List<Document> docs = YamlDocuments.read(text);
        assertEquals(3, docs.size(), docs::toString);
        assertEquals(1, lineOf(parsed(docs.get(0)), "a"));
        assertEquals(3, lineOf(parsed(docs.get(1)), "b"));
        assertEquals(6, lineOf(parsed(docs.get(2)), "c.d"));
        assertEquals("4", YamlDocuments.text(YamlDocuments.at(parsed(docs.get(2)).root(), "c.d")));
    }

    @Test
    void documentEndMarkerEndsTheDocumentBeforeIt() {
        String text = "a: 1\n...\nb: 2\n...\n---\nc: 3\n";
        List<Document> docs = YamlDocuments.read(text);
        assertEquals(3, docs.size(), docs::toString);
        assertEquals(1, lineOf(parsed(docs.get(0)), "a"));
        assertEquals(3, lineOf(parsed(docs.get(1)), "b"));
        assertEquals(6, lineOf(parsed(docs.get(2)), "c"));
        assertNull(YamlDocuments.value(parsed(docs.get(1)).root(), "a"), "documents do not leak into each other");
    }

    @Test
    void windowsLineEndsKeepLineNumbers() {
        List<Document> docs = YamlDocuments.read("a: 1\r\n---\r\nb: 2\r\n");
        assertEquals(2, docs.size());
        assertEquals(3, lineOf(parsed(docs.get(1)), "b"));
    }

    @Test
    void brokenDocumentAmongGoodOnesIsReportedAtItsFileLine() {
        String text = """
                kind: A
                ---
                kind: B
                key: [unclosed
                ---
                kind: C
                """;
        List<Document> docs = YamlDocuments.read(text);
        assertEquals(3, docs.size(), docs::toString);
        assertEquals("A", YamlDocuments.text(YamlDocuments.value(parsed(docs.get(0)).root(), "kind")));
        Document.Broken b = assertInstanceOf(Document.Broken.class, docs.get(1));
        assertTrue(b.line() >= 4 && b.line() <= 5, () -> "error line " + b.line() + " outside the broken document");
        assertTrue(b.reason().startsWith("not valid YAML: "), b.reason());
        assertFalse(b.reason().contains("\n"), b.reason());
        assertEquals("C", YamlDocuments.text(YamlDocuments.value(parsed(docs.get(2)).root(), "kind")));
        assertEquals(6, lineOf(parsed(docs.get(2)), "kind"));
    }

    @Test
    void badIndentationPointsAtTheOffendingLine() {
        String text = "ok: 1\n---\na:\n  b: 1\n c: 2\n";
        List<Document> docs = YamlDocuments.read(text);
        assertEquals(2, docs.size());
        Document.Broken b = assertInstanceOf(Document.Broken.class, docs.get(1));
        assertEquals(5, b.line(), b::toString);
    }

    @Test
    void commentOnlyAndEmptyDocumentsAreSkipped() {
        String text = """
                # just a comment
                ---
                ---
                # another comment

                ---
                a: 1
                ---
                ...
                """;
        List<Document> docs = YamlDocuments.read(text);
        assertEquals(1, docs.size(), docs::toString);
        assertEquals(7, lineOf(parsed(docs.getFirst()), "a"));
        assertTrue(YamlDocuments.read("").isEmpty());
        assertTrue(YamlDocuments.read("# nothing\n").isEmpty());
    }

    @Test
    void aliasBombIsRejectedWithOneLine() {
        StringBuilder sb = new StringBuilder("ok: 1\n---\nbase: &a [x, y]\nrefs:\n");
        for (int i = 0; i < 200; i++) sb.append("  - *a\n");
        sb.append("---\nafter: 2\n");
        List<Document> docs = YamlDocuments.read(sb.toString());
        assertEquals(3, docs.size(), docs::toString);
        Document.Broken b = assertInstanceOf(Document.Broken.class, docs.get(1));
        assertTrue(b.reason().contains("aliases"), b.reason());
        assertFalse(b.reason().contains("\n"), b.reason());
        assertTrue(b.line() >= 2 && b.line() <= 3 + 200, b::toString);
        parsed(docs.get(2));
    }

    @Test
    void expansionBeyondTheNodeLimitIsAnErrorOnConversion() {
        // 8 levels of 6 aliases each (48 aliases, under the alias limit) expand to 6^9 (10 million) scalars.
        StringBuilder sb = new StringBuilder("l0: &l0 [x, x, x, x, x, x]\n");
        for (int level = 1; level <= 8; level++) {
            String prev = "*l" + (level - 1);
            sb.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", List.of(prev, prev, prev, prev, prev, prev))).append("]\n");
        }
        List<Document> docs = YamlDocuments.read(sb.toString());
        Document.Parsed p = parsed(docs.getFirst());
        YamlDocuments.YamlException e = assertThrows(YamlDocuments.YamlException.class,
                () -> YamlDocuments.toJson(p.root()));
        assertTrue(e.getMessage().contains("1000000 nodes"), e.getMessage());
        // Small expansions of the same shape are fine.
        JsonNode small = assertDoesNotThrowJson(YamlDocuments.read("a: &a [1, 2]\nb: [*a, *a]\n"));
        assertEquals(2, small.at("/b/1/1").asInt());
    }

    private static JsonNode assertDoesNotThrowJson(List<Document> docs) {
        try {
            return YamlDocuments.toJson(parsed(docs.getFirst()).root());
        } catch (YamlDocuments.YamlException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void mergeKeysInToJsonKeepTheMappingsOwnKeys() {
        String text = """
                defaults: &defaults
                  image: alpine
                  restart: always
                more: &more
                  user: root
                  restart: never
                svc:
                  restart: on-failure
                  <<: *defaults
                svc2:
                  <<: [*more, *defaults]
                """;
        JsonNode j = assertDoesNotThrowJson(YamlDocuments.read(text));
        assertEquals("alpine", j.at("/svc/image").asText());
        assertEquals("on-failure", j.at("/svc/restart").asText(), "the mapping's own key wins over the merged one");
        assertFalse(j.get("svc").has("<<"));
        assertEquals("never", j.at("/svc2/restart").asText(), "the first merged mapping wins");
        assertEquals("root", j.at("/svc2/user").asText());
        assertEquals("alpine", j.at("/svc2/image").asText());
    }

    @Test
    void mergeOfAScalarIsAnError() {
        List<Document> docs = YamlDocuments.read("a: &a 5\nb:\n  <<: *a\n");
        assertThrows(YamlDocuments.YamlException.class, () -> YamlDocuments.toJson(parsed(docs.getFirst()).root()));
    }

    @Test
    void scalarsAreTyped() {
        String text = """
                int: 42
                neg: -7
                big: 123456789012345678901234567890
                float: 1.5
                yes_bool: true
                no_bool: false
                nothing: null
                tilde: ~
                empty:
                quoted: "42"
                quoted_bool: "true"
                word: hello
                """;
        JsonNode j = assertDoesNotThrowJson(YamlDocuments.read(text));
        assertTrue(j.get("int").isIntegralNumber());
        assertEquals(42, j.get("int").asInt());
        assertEquals(-7, j.get("neg").asInt());
        assertTrue(j.get("big").isBigInteger(), j.get("big").getNodeType()::toString);
        assertTrue(j.get("float").isDouble());
        assertTrue(j.get("yes_bool").isBoolean() && j.get("yes_bool").asBoolean());
        assertTrue(j.get("no_bool").isBoolean() && !j.get("no_bool").asBoolean());
        assertTrue(j.get("nothing").isNull());
        assertTrue(j.get("tilde").isNull());
        assertTrue(j.get("empty").isNull());
        assertTrue(j.get("quoted").isTextual(), "a quoted number stays a string");
        assertEquals("42", j.get("quoted").asText());
        assertTrue(j.get("quoted_bool").isTextual());
        assertEquals("hello", j.get("word").asText());
    }

    @Test
    void textIsNullForYamlNullAndForCollections() {
        Document.Parsed p = parsed(YamlDocuments.read("a: ~\nb: [1]\nc: x\n").getFirst());
        assertNull(YamlDocuments.text(YamlDocuments.value(p.root(), "a")));
        assertNull(YamlDocuments.text(YamlDocuments.value(p.root(), "b")));
        assertEquals("x", YamlDocuments.text(YamlDocuments.value(p.root(), "c")));
        assertNull(YamlDocuments.value(p.root(), "missing"));
        assertNull(YamlDocuments.at(p.root(), "c.deeper"));
    }

    @Test
    void tooDeepNestingIsAnError() {
        String text = "a: " + "[".repeat(300) + "]".repeat(300) + "\n";
        List<Document> docs = YamlDocuments.read(text);
        assertEquals(1, docs.size());
        Document.Broken b = assertInstanceOf(Document.Broken.class, docs.getFirst());
        assertFalse(b.reason().contains("\n"), b.reason());
    }
}
