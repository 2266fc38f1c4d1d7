package io.initguard.core.report;

import io.initguard.core.model.Finding;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static io.initguard.core.report.XmlTestSupport.children;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckstyleReporterTest {
    @Test
    void structureAndAttributes() throws Exception {
        String xml = SampleReport.render(new CheckstyleReporter());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
        Element root = XmlTestSupport.parse(xml).getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        assertEquals("4.3", root.getAttribute("version"));

        List<Element> files = children(root, "file");
        assertEquals(List.of("Dockerfile", SampleReport.COMPOSE, "k8s/pod.yaml", "broken/Dockerfile"),
                files.stream().map(f -> f.getAttribute("name")).toList());
        assertEquals(0, children(files.get(0), "error").size());

        List<Element> compose = children(files.get(1), "error");
        assertEquals(2, compose.size(), "the suppressed warning is left out");
        Element e = compose.get(0);
        assertEquals("12", e.getAttribute("line"));
        assertEquals("5", e.getAttribute("column"));
        assertEquals("error", e.getAttribute("severity"));
        assertEquals("initguard.IG101", e.getAttribute("source"));
        assertEquals(SampleReport.ODD.replace('\n', ' '), e.getAttribute("message"));
        assertEquals("info", compose.get(1).getAttribute("severity"));
        assertEquals("initguard.IG201", compose.get(1).getAttribute("source"));

        Element wholeLine = children(files.get(2), "error").get(0);
        assertEquals("7", wholeLine.getAttribute("line"));
        assertFalse(wholeLine.hasAttribute("column"));
        assertEquals("warning", wholeLine.getAttribute("severity"));

        Element input = children(files.get(3), "error").get(0);
        assertEquals("initguard.input", input.getAttribute("source"));
        assertEquals("unterminated heredoc <<EOF", input.getAttribute("message"));
        assertEquals("3", input.getAttribute("line"));
    }

    @Test
    void controlCharactersStillMakeWellFormedXml() throws Exception {
        TargetReport t = new TargetReport("a&b<c>.yml", "compose-service", "x", SampleReport.UNKNOWN_TARGET.chain(),
                List.of(new Finding("IG101", Severity.ERROR, "bell\u0007 and \"quotes\" & 'apostrophes'",
                        new Location("a&b<c>.yml", 1, 1), false)));
        String xml = SampleReport.render(new CheckstyleReporter(), new LintReport("initguard", "1", List.of(t), List.of()));
        Element file = children(XmlTestSupport.parse(xml).getDocumentElement(), "file").get(0);
        assertEquals("a&b<c>.yml", file.getAttribute("name"));
        assertEquals("bell\uFFFD and \"quotes\" & 'apostrophes'", children(file, "error").get(0).getAttribute("message"));
    }
}
