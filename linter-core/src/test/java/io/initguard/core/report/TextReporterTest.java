package io.initguard.core.report;

import io.initguard.core.model.Finding;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReporterTest {
    private static final String PLAIN = """
            Dockerfile (dockerfile final): init — PID 1: tini [tini]
            deploy/docker-compose.yml (compose-service web): no-init — PID 1: sh
            deploy/docker-compose.yml:12:5: error IG101 PID 1 is "sh" <shell> & won't reap: 100% sure, really\\nsecond line — ünï 😀
            deploy/docker-compose.yml:10:3: info IG201 use init: true
            k8s/pod.yaml (k8s-container Pod/api/main): unknown — PID 1: unknown
            k8s/pod.yaml:7: warning IG102 cannot tell PID 1
            broken/Dockerfile:3:1: error unterminated heredoc <<EOF
            3 targets: 1 init, 1 no-init, 1 unknown; 1 error, 1 warning, 1 info (1 suppressed); 1 input could not be read
            """;

    @Test
    void plainOutputIsExact() throws Exception {
        assertEquals(PLAIN, SampleReport.render(new TextReporter(false, false)));
    }

    @Test
    void noEscapeCodesWithoutColor() throws Exception {
        assertFalse(SampleReport.render(new TextReporter(false, true)).contains("\u001b"));
    }

    @Test
    void colorAddsOnlyEscapeCodes() throws Exception {
        String colored = SampleReport.render(new TextReporter(true, false));
        assertNotEquals(PLAIN, colored);
        assertTrue(colored.contains("\u001b[31merror\u001b[0m"), colored);
        assertTrue(colored.contains("\u001b[32minit\u001b[0m"), colored);
        assertTrue(colored.contains("\u001b[33mwarning\u001b[0m"), colored);
        assertEquals(PLAIN, colored.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void explainPrintsTheChainUnderEachHeader() throws Exception {
        String out = SampleReport.render(new TextReporter(false, true));
        assertTrue(out.startsWith("""
                Dockerfile (dockerfile final): init — PID 1: tini [tini]
                    ENTRYPOINT ["/sbin/tini", "--"] (line 5)
                    tini runs CMD ["app"]
                deploy/docker-compose.yml (compose-service web): no-init — PID 1: sh
                    command: sh -c 'node server.js' (line 12)
                deploy/docker-compose.yml:12:5: error IG101"""), out);
        assertTrue(out.contains("""
                k8s/pod.yaml (k8s-container Pod/api/main): unknown — PID 1: unknown
                    image: example/api:1.0 (entrypoint unknown)
                k8s/pod.yaml:7: warning"""), out);
    }

    @Test
    void controlCharactersCannotDriveTheTerminal() throws Exception {
        TargetReport t = new TargetReport("Dockerfile", "dockerfile", "0", SampleReport.UNKNOWN_TARGET.chain(),
                List.of(new Finding("IG102", Severity.WARNING, "a\u001b[2Jb\tc\rd",
                        new Location("Dockerfile", 1, 1), false)));
        String out = SampleReport.render(new TextReporter(false, false),
                new LintReport("initguard", "0.1.0", List.of(t), List.of()));
        assertTrue(out.contains("Dockerfile:1:1: warning IG102 a\\u001b[2Jb\\tc\\rd\n"), out);
        assertFalse(out.contains("\u001b"));
    }

    @Test
    void summaryLine() {
        assertEquals("0 targets; no findings",
                TextReporter.summary(new LintReport("initguard", "1", List.of(), List.of())));
        TargetReport twoErrors = new TargetReport("Dockerfile", "dockerfile", "0",
                SampleReport.NO_INIT_TARGET.chain(),
                List.of(new Finding("IG101", Severity.ERROR, "x", Location.of("Dockerfile", 1), false),
                        new Finding("IG101", Severity.ERROR, "y", Location.of("Dockerfile", 2), false),
                        new Finding("IG102", Severity.WARNING, "z", Location.of("Dockerfile", 3), true)));
        assertEquals("2 targets: 1 init, 1 no-init; 2 errors (1 suppressed)", TextReporter.summary(
                new LintReport("initguard", "1", List.of(SampleReport.INIT_TARGET, twoErrors), List.of())));
        assertEquals("1 target: 1 init; no findings; 2 inputs could not be read", TextReporter.summary(
                new LintReport("initguard", "1", List.of(SampleReport.INIT_TARGET),
                        List.of(SampleReport.ERROR, SampleReport.ERROR))));
    }
}
