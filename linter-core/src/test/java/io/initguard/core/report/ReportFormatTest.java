package io.initguard.core.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFormatTest {
    @Test
    void parsesNamesIgnoringCase() {
        assertEquals(ReportFormat.SARIF, ReportFormat.parse("sarif"));
        assertEquals(ReportFormat.JUNIT, ReportFormat.parse(" JUnit "));
        for (ReportFormat f : ReportFormat.values()) assertEquals(f, ReportFormat.parse(f.id()));
    }

    @Test
    void unknownNameSaysWhatIsKnown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("xml"));
        assertEquals("unknown format 'xml' (text, json, sarif, junit, checkstyle, github)", e.getMessage());
    }

    @Test
    void makesTheMatchingReporter() throws Exception {
        assertInstanceOf(TextReporter.class, ReportFormat.TEXT.reporter(false));
        assertInstanceOf(JsonReporter.class, ReportFormat.JSON.reporter(true));
        assertInstanceOf(SarifReporter.class, ReportFormat.SARIF.reporter(false));
        assertInstanceOf(JunitReporter.class, ReportFormat.JUNIT.reporter(false));
        assertInstanceOf(CheckstyleReporter.class, ReportFormat.CHECKSTYLE.reporter(false));
        assertInstanceOf(GithubReporter.class, ReportFormat.GITHUB.reporter(false));
        assertTrue(SampleReport.render(ReportFormat.TEXT.reporter(true)).contains("\u001b["));
        assertTrue(!SampleReport.render(ReportFormat.TEXT.reporter(false)).contains("\u001b["));
    }
}
