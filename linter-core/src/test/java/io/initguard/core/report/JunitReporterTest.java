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
import static org.junit.jupiter.api.Assertions.assertTrue;

class JunitReporterTest {
    @Test
    void oneSuitePerFileOneCasePerTarget() throws Exception {
        Element root = XmlTestSupport.parse(SampleReport.render(new JunitReporter())).getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("2", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        assertEquals("0", root.getAttribute("skipped"));

        List<Element> suites = children(root, "testsuite");
        assertEquals(List.of("Dockerfile", SampleReport.COMPOSE, "k8s/pod.yaml", "broken/Dockerfile"),
                suites.stream().map(s -> s.getAttribute("name")).toList());

        Element passing = children(suites.get(0), "testcase").get(0);
        assertEquals("Dockerfile", passing.getAttribute("classname"));
        assertEquals("dockerfile:final", passing.getAttribute("name"));
        assertEquals(0, children(passing, "failure").size());
        assertEquals("0", suites.get(0).getAttribute("failures"));

        Element web = children(suites.get(1), "testcase").get(0);
        assertEquals(SampleReport.COMPOSE, web.getAttribute("classname"));
        assertEquals("compose-service:web", web.getAttribute("name"));
        List<Element> failures = children(web, "failure");
        assertEquals(1, failures.size(), "the info finding and the suppressed warning do not fail");
        Element failure = failures.get(0);
        assertEquals("IG101", failure.getAttribute("type"));
        assertEquals(SampleReport.ODD.replace('\n', ' '), failure.getAttribute("message"));
        assertEquals(SampleReport.COMPOSE + ":12:5: error IG101 " + SampleReport.ODD, failure.getTextContent());
        assertEquals(0, children(web, "skipped").size(), "a failed target is not skipped");
        String out = children(web, "system-out").get(0).getTextContent();
        assertTrue(out.contains("verdict: no-init, PID 1: sh"), out);
        assertTrue(out.contains(":12:5: warning IG102 no init before node (suppressed)"), out);
        assertTrue(out.contains(":10:3: info IG201 use init: true"), out);

        Element pod = children(suites.get(2), "testcase").get(0);
        assertEquals("k8s-container:Pod/api/main", pod.getAttribute("name"));
        assertEquals("k8s/pod.yaml:7: warning IG102 cannot tell PID 1",
                children(pod, "failure").get(0).getTextContent());

        Element input = children(suites.get(3), "testcase").get(0);
        assertEquals("broken/Dockerfile", input.getAttribute("classname"));
        Element error = children(input, "error").get(0);
        assertEquals("unterminated heredoc <<EOF", error.getAttribute("message"));
        assertEquals("broken/Dockerfile:3:1: unterminated heredoc <<EOF", error.getTextContent());
        assertEquals("1", suites.get(3).getAttribute("errors"));
    }

    @Test
    void onlySuppressedFindingsSkipTheTarget() throws Exception {
        TargetReport t = new TargetReport("Dockerfile", "dockerfile", "app", SampleReport.NO_INIT_TARGET.chain(),
                List.of(new Finding("IG102", Severity.WARNING, "w", Location.of("Dockerfile", 4), true),
                        new Finding("IG101", Severity.ERROR, "e", Location.of("Dockerfile", 5), true)));
        Element root = XmlTestSupport.parse(SampleReport.render(new JunitReporter(),
                new LintReport("initguard", "1", List.of(t), List.of()))).getDocumentElement();
        assertEquals("1", root.getAttribute("skipped"));
        assertEquals("0", root.getAttribute("failures"));
        Element testcase = children(children(root, "testsuite").get(0), "testcase").get(0);
        assertEquals("suppressed: IG102 IG101", children(testcase, "skipped").get(0).getAttribute("message"));
    }

    @Test
    void markupAndControlCharactersAreEscaped() throws Exception {
        TargetReport t = new TargetReport("x<&>\".yml", "compose-service", "a&b", SampleReport.NO_INIT_TARGET.chain(),
                List.of(new Finding("IG101", Severity.ERROR, "]]> <![CDATA[ \u0000 & <b>",
                        Location.of("x<&>\".yml", 1), false)));
        String xml = SampleReport.render(new JunitReporter(), new LintReport("initguard", "1", List.of(t), List.of()));
        Element testcase = children(children(XmlTestSupport.parse(xml).getDocumentElement(), "testsuite").get(0),
                "testcase").get(0);
        assertEquals("x<&>\".yml", testcase.getAttribute("classname"));
        assertEquals("compose-service:a&b", testcase.getAttribute("name"));
        Element failure = children(testcase, "failure").get(0);
        assertEquals("]]> <![CDATA[ \uFFFD & <b>", failure.getAttribute("message"));
        assertEquals("x<&>\".yml:1:1: error IG101 ]]> <![CDATA[ \uFFFD & <b>", failure.getTextContent());
    }
}
