package io.initguard.core.report;

import io.initguard.core.model.Finding;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GithubReporterTest {
    @Test
    void oneCommandPerUnsuppressedFinding() throws Exception {
        assertEquals("""
                ::error file=deploy/docker-compose.yml,line=12,col=5,title=IG101::PID 1 is "sh" <shell> & won't reap: \
                100%25 sure, really%0Asecond line — ünï 😀
                ::notice file=deploy/docker-compose.yml,line=10,col=3,title=IG201::use init: true
                ::warning file=k8s/pod.yaml,line=7,title=IG102::cannot tell PID 1
                ::error file=broken/Dockerfile,line=3,col=1,title=initguard::unterminated heredoc <<EOF
                """, SampleReport.render(new GithubReporter()));
    }

    @Test
    void escapesPropertiesAndData() throws Exception {
        String odd = "dir,1/a:b%c\r\nd";
        TargetReport t = new TargetReport(odd, "dockerfile", "0", SampleReport.UNKNOWN_TARGET.chain(),
                List.of(new Finding("IG,1:x", Severity.ERROR, "50%\r\nmore, and: more",
                        new Location(odd, 2, 0), false)));
        String out = SampleReport.render(new GithubReporter(), new LintReport("initguard", "1", List.of(t), List.of()));
        assertEquals("::error file=dir%2C1/a%3Ab%25c%0D%0Ad,line=2,title=IG%2C1%3Ax::50%25%0D%0Amore, and: more\n", out);
    }

    @Test
    void nothingForACleanReport() throws Exception {
        assertEquals("", SampleReport.render(new GithubReporter(),
                new LintReport("initguard", "1", List.of(SampleReport.INIT_TARGET), List.of())));
    }
}
