package io.initguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.initguard.cli.Cli.run;
import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every output format, parsed, with the target and its finding in it; several formats in one run. */
class LintFormatTest {
    @TempDir
    Path dir;
    String file;

    @BeforeEach
    void fixture() {
        file = write(dir, "Dockerfile", Cli.NO_INIT).toString();
    }

    private Cli.Result lint(String... extra) {
        List<String> args = new ArrayList<>(List.of("lint"));
        args.addAll(List.of(extra));
        args.add(file);
        Cli.Result r = run(args);
        assertEquals(1, r.code(), r::toString);
        return r;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    @Test
    void textIsTheDefault() {
        Cli.Result r = lint();
        assertEquals(r.out(), lint("--format", "text").out());
        assertTrue(r.out().contains(file + " (dockerfile 0): no-init"), r::toString);
        assertTrue(r.out().contains(file + ":2:1: error IG101 "), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("1 target")), r::toString);
    }

    @Test
    void jsonCarriesTheWholeContract() {
        JsonNode j = lint("--format", "json").json();
        assertEquals(1, j.get("version").asInt());
        assertEquals("initguard", j.at("/tool/name").asText());
        String version = j.at("/tool/version").asText();
        assertFalse(version.isBlank() || version.contains("${"), "tool.version " + version);

        assertEquals(1, j.get("targets").size());
        JsonNode t = j.at("/targets/0");
        assertEquals(List.of("file", "kind", "name", "verdict", "init", "pid1", "chain", "findings"),
                fieldNames(t));
        assertEquals(file, t.get("file").asText());
        assertEquals("dockerfile", t.get("kind").asText());
        assertEquals("0", t.get("name").asText());
        assertEquals("no-init", t.get("verdict").asText());
        assertTrue(t.get("init").isNull());
        assertEquals("python", t.get("pid1").asText());
        assertTrue(t.get("chain").isArray() && !t.get("chain").isEmpty());
        for (JsonNode hop : t.get("chain")) assertTrue(hop.isTextual());

        assertEquals(1, t.get("findings").size());
        JsonNode f = t.at("/findings/0");
        assertEquals(List.of("ruleId", "severity", "message", "file", "line", "column", "suppressed"), fieldNames(f));
        assertEquals("IG101", f.get("ruleId").asText());
        assertEquals("error", f.get("severity").asText());
        assertTrue(f.get("message").asText().contains("python"));
        assertEquals(file, f.get("file").asText());
        assertEquals(2, f.get("line").asInt());
        assertEquals(1, f.get("column").asInt());
        assertFalse(f.get("suppressed").asBoolean());
        assertTrue(f.get("suppressed").isBoolean());

        assertTrue(j.get("errors").isArray() && j.get("errors").isEmpty());
        JsonNode s = j.get("summary");
        assertEquals(1, s.get("targets").asInt());
        assertEquals(0, s.get("errors").asInt());
        assertEquals(1, s.get("error").asInt());
        assertEquals(0, s.get("warning").asInt());
        assertEquals(0, s.get("suppressed").asInt());
    }

    @Test
    void jsonOfAnInitTarget() {
        file = write(dir, "Dockerfile", Cli.CLEAN).toString();
        Cli.Result r = run("lint", "--format", "json", file);
        assertEquals(0, r.code(), r::toString);
        JsonNode t = r.json().at("/targets/0");
        assertEquals("init", t.get("verdict").asText());
        assertEquals("tini", t.get("init").asText());
        assertEquals("tini", t.get("pid1").asText());
        assertTrue(t.get("findings").isEmpty());
    }

    @Test
    void jsonListsInputErrors() {
        Path bad = write(dir, "sub/Dockerfile", "FROM python:3.12\nFOO bar\n");
        Cli.Result r = run("lint", "--format", "json", file, bad.toString());
        assertEquals(2, r.code(), r::toString);
        JsonNode e = r.json().at("/errors/0");
        assertEquals(List.of("file", "line", "message"), fieldNames(e));
        assertEquals(bad.toString(), e.get("file").asText());
        assertEquals(2, e.get("line").asInt());
        assertTrue(e.get("message").asText().contains("unknown instruction"));
        assertEquals(1, r.json().at("/summary/errors").asInt());
        assertEquals(1, r.json().get("targets").size());
    }

    @Test
    void sarif() {
        JsonNode s = lint("--format", "sarif").json();
        assertEquals("2.1.0", s.get("version").asText());
        JsonNode run = s.at("/runs/0");
        assertEquals("initguard", run.at("/tool/driver/name").asText());
        Set<String> ruleIds = new TreeSet<>();
        for (JsonNode rule : run.at("/tool/driver/rules")) {
            ruleIds.add(rule.get("id").asText());
            assertTrue(rule.get("helpUri").asText().startsWith("https://"), rule::toString);
        }
        assertTrue(ruleIds.containsAll(Set.of("IG101", "IG102", "IG106", "IG110")), ruleIds::toString);
        assertEquals(1, run.get("results").size());
        JsonNode res = run.at("/results/0");
        assertEquals("IG101", res.get("ruleId").asText());
        assertEquals("error", res.get("level").asText());
        JsonNode loc = res.at("/locations/0/physicalLocation");
        assertTrue(loc.at("/artifactLocation/uri").asText().endsWith("Dockerfile"), loc::toString);
        assertEquals(2, loc.at("/region/startLine").asInt());
    }

    @Test
    void junit() throws Exception {
        Document d = xml(lint("--format", "junit").out());
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(1, cases.getLength());
        Element tc = (Element) cases.item(0);
        assertEquals(file, tc.getAttribute("classname"));
        NodeList failures = tc.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failure = (Element) failures.item(0);
        assertEquals("IG101", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains(file + ":2:1"), failure::getTextContent);
        assertEquals("1", d.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void checkstyle() throws Exception {
        Document d = xml(lint("--format", "checkstyle").out());
        assertEquals("checkstyle", d.getDocumentElement().getTagName());
        NodeList files = d.getElementsByTagName("file");
        assertEquals(1, files.getLength());
        Element f = (Element) files.item(0);
        assertEquals(file, f.getAttribute("name"));
        NodeList errors = f.getElementsByTagName("error");
        assertEquals(1, errors.getLength());
        Element e = (Element) errors.item(0);
        assertEquals("2", e.getAttribute("line"));
        assertEquals("error", e.getAttribute("severity"));
        assertTrue(e.getAttribute("source").endsWith("IG101"), e.getAttribute("source"));
    }

    @Test
    void github() {
        List<String> lines = lint("--format", "github").out().lines().toList();
        assertEquals(1, lines.size(), lines::toString);
        String l = lines.getFirst();
        assertTrue(l.startsWith("::error file=" + file + ",line=2,col=1"), l);
        assertTrue(l.contains("IG101"), l);
        assertTrue(l.contains("::PID 1 is `python`"), l);
    }

    @Test
    void formatNamesIgnoreCase() {
        assertEquals(1, lint("--format", "JSON").json().get("targets").size());
    }

    @Test
    void severalFormatsAtOnce() throws Exception {
        Path sarif = dir.resolve("out/report.sarif");
        Files.createDirectories(sarif.getParent());
        Path junit = dir.resolve("out/junit.xml");
        Cli.Result r = lint("--format", "sarif=" + sarif, "--format", "json", "--format", "junit=" + junit);
        // stdout carries the JSON report only.
        assertEquals(file, r.json().at("/targets/0/file").asText());
        JsonNode s = Cli.JSON.readTree(sarif.toFile());
        assertEquals("IG101", s.at("/runs/0/results/0/ruleId").asText());
        assertEquals(1, xml(Files.readString(junit)).getElementsByTagName("failure").getLength());
        try (var leftovers = Files.list(sarif.getParent())) {
            assertEquals(2, leftovers.count(), "temporary files left beside the reports");
        }
    }

    @Test
    void reportFileAloneLeavesStdoutEmpty() throws Exception {
        Path json = dir.resolve("report.json");
        Cli.Result r = lint("--format", "json=" + json);
        assertEquals("", r.out());
        assertEquals("IG101", Cli.JSON.readTree(json.toFile()).at("/targets/0/findings/0/ruleId").asText());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
