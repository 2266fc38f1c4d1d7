package io.initguard.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReporterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode render() throws Exception {
        return MAPPER.readTree(SampleReport.render(new JsonReporter()));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void hasExactlyTheContractFieldsInOrder() throws Exception {
        JsonNode root = render();
        assertEquals(List.of("version", "tool", "targets", "errors", "summary"), fields(root));
        assertEquals(List.of("name", "version"), fields(root.get("tool")));
        for (JsonNode t : root.get("targets")) {
            assertEquals(List.of("file", "kind", "name", "verdict", "init", "pid1", "chain", "findings"), fields(t));
            for (JsonNode f : t.get("findings")) {
                assertEquals(List.of("ruleId", "severity", "message", "file", "line", "column", "suppressed"), fields(f));
            }
        }
        assertEquals(List.of("file", "line", "message"), fields(root.get("errors").get(0)));
        assertEquals(List.of("targets", "errors", "error", "warning", "info", "suppressed"), fields(root.get("summary")));
    }

    @Test
    void writesTheValues() throws Exception {
        JsonNode root = render();
        assertEquals(1, root.get("version").asInt());
        assertEquals("initguard", root.at("/tool/name").asText());
        assertEquals("0.1.0", root.at("/tool/version").asText());

        JsonNode init = root.at("/targets/0");
        assertEquals("Dockerfile", init.get("file").asText());
        assertEquals("dockerfile", init.get("kind").asText());
        assertEquals("final", init.get("name").asText());
        assertEquals("init", init.get("verdict").asText());
        assertEquals("tini", init.get("init").asText());
        assertEquals("tini", init.get("pid1").asText());
        assertEquals(SampleReport.INIT_TARGET.chain().lines(SampleReport.INIT_TARGET.file()),
                MAPPER.convertValue(init.get("chain"), List.class));
        assertEquals("ENTRYPOINT [\"/sbin/tini\", \"--\"] (line 5)", init.at("/chain/0").asText());
        assertEquals(0, init.get("findings").size());

        JsonNode noInit = root.at("/targets/1");
        assertEquals("no-init", noInit.get("verdict").asText());
        assertTrue(noInit.get("init").isNull());
        assertEquals("sh", noInit.get("pid1").asText());
        JsonNode error = noInit.at("/findings/0");
        assertEquals("IG101", error.get("ruleId").asText());
        assertEquals("error", error.get("severity").asText());
        assertEquals(SampleReport.ODD, error.get("message").asText());
        assertEquals(SampleReport.COMPOSE, error.get("file").asText());
        assertEquals(12, error.get("line").asInt());
        assertEquals(5, error.get("column").asInt());
        assertFalse(error.get("suppressed").asBoolean());
        assertTrue(noInit.at("/findings/1/suppressed").asBoolean());
        assertEquals("warning", noInit.at("/findings/1/severity").asText());
        assertEquals("info", noInit.at("/findings/2/severity").asText());

        JsonNode unknown = root.at("/targets/2");
        assertEquals("unknown", unknown.get("verdict").asText());
        assertTrue(unknown.get("init").isNull());
        assertTrue(unknown.get("pid1").isNull());
        assertEquals(0, unknown.at("/findings/0/column").asInt());

        assertEquals("broken/Dockerfile", root.at("/errors/0/file").asText());
        assertEquals(3, root.at("/errors/0/line").asInt());
        assertEquals("unterminated heredoc <<EOF", root.at("/errors/0/message").asText());
    }

    @Test
    void summaryCountsUnsuppressedPerSeverityAndSuppressed() throws Exception {
        JsonNode s = render().get("summary");
        assertEquals(3, s.get("targets").asInt());
        assertEquals(1, s.get("errors").asInt());
        assertEquals(1, s.get("error").asInt());
        assertEquals(1, s.get("warning").asInt());
        assertEquals(1, s.get("info").asInt());
        assertEquals(1, s.get("suppressed").asInt());
    }

    @Test
    void isPrettyPrintedAndEndsWithANewline() throws Exception {
        String text = SampleReport.render(new JsonReporter());
        assertTrue(text.startsWith("{\n"), text);
        assertTrue(text.endsWith("}\n"), text);
        assertTrue(text.contains("\\\"sh\\\""), "quotes escaped");
        assertTrue(text.contains("\\n"), "line break escaped");
    }
}
