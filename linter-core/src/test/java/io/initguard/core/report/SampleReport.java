package io.initguard.core.report;

import io.initguard.core.engine.RuleDescriptor;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain;
import io.initguard.core.model.Pid1Chain.Hop;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;
import io.initguard.core.model.Verdict;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * A report built by hand: an init target, a no-init target with an error (odd characters in its message), a
 * suppressed warning and an info finding, an unknown target with a whole-line warning, and an unreadable input.
 */
final class SampleReport {
    /** Quotes, markup, ampersand, percent, comma, colon, a line break and non-ASCII text. */
    static final String ODD = "PID 1 is \"sh\" <shell> & won't reap: 100% sure, really\nsecond line — ünï 😀";

    static final String COMPOSE = "deploy/docker-compose.yml";

    static final List<RuleDescriptor> RULES = List.of(
            new RuleDescriptor("IG101", "PID 1 is a shell that does not forward signals", Severity.ERROR,
                    RuleDescriptor.DOCS_BASE + "IG101.md"),
            new RuleDescriptor("IG102", "No init in front of the application", Severity.WARNING,
                    RuleDescriptor.DOCS_BASE + "IG102.md"),
            new RuleDescriptor("IG201", "Init flag could be used", Severity.INFO, RuleDescriptor.DOCS_BASE + "IG201.md"),
            new RuleDescriptor("IG301", "A rule that found nothing", Severity.WARNING,
                    RuleDescriptor.DOCS_BASE + "IG301.md"));

    static final TargetReport INIT_TARGET = new TargetReport("Dockerfile", "dockerfile", "final",
            new Pid1Chain(List.of(
                    new Hop("ENTRYPOINT [\"/sbin/tini\", \"--\"]", new Location("Dockerfile", 5, 1)),
                    new Hop("tini runs CMD [\"app\"]", null)),
                    Verdict.INIT, "tini", "tini"),
            List.of());

    static final TargetReport NO_INIT_TARGET = new TargetReport(COMPOSE, "compose-service", "web",
            new Pid1Chain(List.of(new Hop("command: sh -c 'node server.js'", new Location(COMPOSE, 12, 5))),
                    Verdict.NO_INIT, null, "sh"),
            List.of(
                    new Finding("IG101", Severity.ERROR, ODD, new Location(COMPOSE, 12, 5), false),
                    new Finding("IG102", Severity.WARNING, "no init before node", new Location(COMPOSE, 12, 5), true),
                    new Finding("IG201", Severity.INFO, "use init: true", new Location(COMPOSE, 10, 3), false)));

    static final TargetReport UNKNOWN_TARGET = new TargetReport("k8s/pod.yaml", "k8s-container", "Pod/api/main",
            new Pid1Chain(List.of(new Hop("image: example/api:1.0 (entrypoint unknown)", null)),
                    Verdict.UNKNOWN, null, null),
            List.of(new Finding("IG102", Severity.WARNING, "cannot tell PID 1", new Location("k8s/pod.yaml", 7, 0),
                    false)));

    static final LintError ERROR = new LintError("broken/Dockerfile", 3, 1, "unterminated heredoc <<EOF");

    static final LintReport REPORT = new LintReport("initguard", "0.1.0",
            List.of(INIT_TARGET, NO_INIT_TARGET, UNKNOWN_TARGET), List.of(ERROR));

    private SampleReport() {
    }

    static String render(Reporter reporter, LintReport report) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(report, RULES, out);
        return out.toString();
    }

    static String render(Reporter reporter) throws IOException {
        return render(reporter, REPORT);
    }
}
