package io.initguard.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.initguard.core.model.LintReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the SARIF output against the official SARIF 2.1.0 JSON schema, stored in
 * {@code src/test/resources/sarif/sarif-schema-2.1.0.json}: a verbatim copy of
 * {@code Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json} in the OASIS repository
 * {@code oasis-tcs/sarif-spec} (commit 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab, 112,318 characters), whose
 * {@code $id} is {@code https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json}.
 * That {@code $id} is mapped to the classpath copy, so the test never goes to the network. Format assertions
 * ({@code uri}, {@code uri-reference}) are on.
 */
class SarifReporterTest {
    private static final String SCHEMA_ID =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.schemaMappers(
                m -> m.mapPrefix("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/",
                        "classpath:sarif/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = factory.getSchema(SchemaLocation.of(SCHEMA_ID), config);
    }

    private static JsonNode render(LintReport report) throws Exception {
        return MAPPER.readTree(SampleReport.render(new SarifReporter(), report));
    }

    @Test
    void outputIsValidSarif() throws Exception {
        Set<ValidationMessage> problems = schema.validate(render(SampleReport.REPORT));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void emptyReportIsValidSarif() throws Exception {
        JsonNode log = render(new LintReport("initguard", "0.1.0", List.of(), List.of()));
        Set<ValidationMessage> problems = schema.validate(log);
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean());
        assertEquals(0, log.at("/runs/0/results").size());
    }

    @Test
    void schemaRejectsInvalidDocuments() throws Exception {
        ObjectNode badLevel = (ObjectNode) render(SampleReport.REPORT);
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(schema.validate(badLevel).isEmpty(), "level must be one of none, note, warning, error");

        ObjectNode badLine = (ObjectNode) render(SampleReport.REPORT);
        ((ObjectNode) badLine.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        assertFalse(schema.validate(badLine).isEmpty(), "startLine is at least 1");

        ObjectNode noVersion = (ObjectNode) render(SampleReport.REPORT);
        noVersion.remove("version");
        assertFalse(schema.validate(noVersion).isEmpty(), "version is required");

        ObjectNode badUri = (ObjectNode) render(SampleReport.REPORT);
        ((ObjectNode) badUri.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
                .put("uri", "a b|c");
        assertFalse(schema.validate(badUri).isEmpty(), "uri must be a URI reference");
    }

    @Test
    void describesToolAndAllRules() throws Exception {
        JsonNode driver = render(SampleReport.REPORT).at("/runs/0/tool/driver");
        assertEquals("initguard", driver.get("name").asText());
        assertEquals("0.1.0", driver.get("version").asText());
        assertEquals(SarifReporter.INFORMATION_URI, driver.get("informationUri").asText());
        JsonNode rules = driver.get("rules");
        assertEquals(4, rules.size(), "every rule passed in, also IG301 without results");
        JsonNode ig101 = rules.get(0);
        assertEquals("IG101", ig101.get("id").asText());
        assertEquals("IG101", ig101.get("name").asText());
        assertEquals("PID 1 is a shell that does not forward signals", ig101.at("/shortDescription/text").asText());
        assertEquals("PID 1 is a shell that does not forward signals", ig101.at("/fullDescription/text").asText());
        assertEquals(SampleReport.RULES.get(0).docsUrl(), ig101.get("helpUri").asText());
        assertEquals("PID 1 is a shell that does not forward signals. See " + SampleReport.RULES.get(0).docsUrl(),
                ig101.at("/help/text").asText());
        assertEquals("error", ig101.at("/defaultConfiguration/level").asText());
        assertEquals("warning", rules.get(1).at("/defaultConfiguration/level").asText());
        assertEquals("note", rules.get(2).at("/defaultConfiguration/level").asText());
        assertEquals("recommendation", rules.get(2).at("/properties/problem.severity").asText());
    }

    @Test
    void writesResultsWithLocationsLevelsAndSuppressions() throws Exception {
        JsonNode run = render(SampleReport.REPORT).at("/runs/0");
        JsonNode results = run.get("results");
        assertEquals(4, results.size(), "every finding, suppressed ones included");

        JsonNode first = results.get(0);
        assertEquals("IG101", first.get("ruleId").asText());
        assertEquals(0, first.get("ruleIndex").asInt());
        assertEquals("error", first.get("level").asText());
        assertEquals(SampleReport.ODD, first.at("/message/text").asText());
        JsonNode where = first.at("/locations/0/physicalLocation");
        assertEquals(SampleReport.COMPOSE, where.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", where.at("/artifactLocation/uriBaseId").asText());
        assertEquals(12, where.at("/region/startLine").asInt());
        assertEquals(5, where.at("/region/startColumn").asInt());
        assertTrue(first.path("suppressions").isMissingNode());

        JsonNode suppressed = results.get(1);
        assertEquals(1, suppressed.get("ruleIndex").asInt());
        assertEquals("inSource", suppressed.at("/suppressions/0/kind").asText());

        assertEquals("note", results.get(2).get("level").asText());
        assertEquals(2, results.get(2).get("ruleIndex").asInt());

        JsonNode wholeLine = results.get(3).at("/locations/0/physicalLocation/region");
        assertEquals(7, wholeLine.get("startLine").asInt());
        assertTrue(wholeLine.path("startColumn").isMissingNode(), "column 0 (whole line) has no startColumn");
    }

    @Test
    void lintErrorsAreToolExecutionNotifications() throws Exception {
        JsonNode invocation = render(SampleReport.REPORT).at("/runs/0/invocations/0");
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        JsonNode n = invocation.at("/toolExecutionNotifications/0");
        assertEquals("error", n.get("level").asText());
        assertEquals("unterminated heredoc <<EOF", n.at("/message/text").asText());
        assertEquals("broken/Dockerfile", n.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, n.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void pathsBecomeUriReferences() {
        assertEquals("deploy/compose.yml", SarifReporter.toUri("deploy\\compose.yml"));
        assertEquals("Dockerfile", SarifReporter.toUri("./Dockerfile"));
        assertEquals("my%20app/Docker%25file", SarifReporter.toUri("my app/Docker%file"));
        assertEquals("a%3Ab/Dockerfile", SarifReporter.toUri("a:b/Dockerfile"));
        assertEquals("%C3%BC/Dockerfile", SarifReporter.toUri("ü/Dockerfile"));
        assertEquals("file:///srv/app/Dockerfile", SarifReporter.toUri("/srv/app/Dockerfile"));
        assertEquals("file:///C:/src/Dockerfile", SarifReporter.toUri("C:\\src\\Dockerfile"));
    }

    @Test
    void oddPathsStayValid() throws Exception {
        var target = new io.initguard.core.model.TargetReport("my app\\ü/Docker file#1", "dockerfile", "0",
                SampleReport.UNKNOWN_TARGET.chain(),
                List.of(new io.initguard.core.model.Finding("IG102", io.initguard.core.model.Severity.WARNING, "x",
                        new io.initguard.core.model.Location("my app\\ü/Docker file#1", 1, 1), false)));
        JsonNode log = render(new LintReport("initguard", "0.1.0", List.of(target), List.of()));
        Set<ValidationMessage> problems = schema.validate(log);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals("my%20app/%C3%BC/Docker%20file%231",
                log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void imageTargetsWithoutLinesAndRegistryNamesStayValid() throws Exception {
        // An image has no lines (line 0) and its name is no file path: docker://host:5000/app:1, oci:/dir:tag.
        List<io.initguard.core.model.TargetReport> targets = new java.util.ArrayList<>();
        for (String name : List.of("docker://127.0.0.1:5000/app:1", "oci:/tmp/layout:v1", "docker-daemon:app@sha256:"
                + "ab".repeat(32))) {
            targets.add(new io.initguard.core.model.TargetReport(name, "image", name,
                    SampleReport.UNKNOWN_TARGET.chain(),
                    List.of(new io.initguard.core.model.Finding("IG401", io.initguard.core.model.Severity.ERROR, "x",
                            new io.initguard.core.model.Location(name, 0, 0), false))));
        }
        JsonNode log = render(new LintReport("initguard", "0.1.0", targets,
                List.of(new io.initguard.core.model.LintError("docker://127.0.0.1:5000/nope:1", 0, 0, "manifest unknown"))));
        Set<ValidationMessage> problems = schema.validate(log);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(3, log.at("/runs/0/results").size());
        assertTrue(log.at("/runs/0/results/0/locations/0/physicalLocation/region").isMissingNode(), log::toString);
    }
}
