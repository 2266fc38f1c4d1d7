package io.initguard.core.report;

import io.initguard.core.engine.RuleDescriptor;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * JUnit XML for CI test views: one {@code <testsuite>} per input file, one {@code <testcase>} per target
 * ({@code classname} = file, {@code name} = {@code kind:name}), with a {@code <failure>} (message, type = rule ID,
 * text = {@code file:line:col: severity rule message}) per unsuppressed error or warning. A target with no failure
 * but with suppressed findings is {@code <skipped>}, its message naming them. Info findings and suppressed ones go
 * to the test case's {@code <system-out>}. An input that could not be read is a test case named {@code input} with
 * an {@code <error>}.
 *
 * <p>Attribute values are kept on one line (XML parsers turn line breaks in attributes into spaces anyway); the
 * element text keeps them.
 */
public final class JunitReporter implements Reporter {
    @Override
    public void write(LintReport report, List<RuleDescriptor> rules, Writer out) throws IOException {
        List<Suite> suites = new ArrayList<>();
        for (ReportSupport.FileGroup g : ReportSupport.byFile(report).values()) suites.add(new Suite(g));

        XmlSupport x = new XmlSupport(out);
        x.open("testsuites").attr("name", report.toolName())
                .attr("tests", suites.stream().mapToLong(Suite::tests).sum())
                .attr("failures", suites.stream().mapToLong(Suite::failures).sum())
                .attr("errors", suites.stream().mapToLong(Suite::errors).sum())
                .attr("skipped", suites.stream().mapToLong(Suite::skipped).sum());
        for (Suite s : suites) {
            x.open("testsuite").attr("name", s.group.file())
                    .attr("tests", s.tests()).attr("failures", s.failures())
                    .attr("errors", s.errors()).attr("skipped", s.skipped());
            for (TargetReport t : s.group.targets()) writeTarget(x, t);
            for (LintError e : s.group.errors()) {
                x.open("testcase").attr("classname", e.file()).attr("name", "input");
                x.open("error").attr("message", e.message()).attr("type", "input").text(e.oneLine()).close(false);
                x.close(true);
            }
            x.close(true);
        }
        x.close(true);
        x.finish();
        out.flush();
    }

    private static void writeTarget(XmlSupport x, TargetReport t) throws IOException {
        x.open("testcase").attr("classname", t.file()).attr("name", t.kind() + ":" + t.name());
        List<Finding> failures = failures(t);
        for (Finding f : failures) {
            x.open("failure").attr("message", f.message()).attr("type", f.ruleId())
                    .text(line(t, f)).close(false);
        }
        List<Finding> suppressed = t.findings().stream().filter(Finding::suppressed).toList();
        if (failures.isEmpty() && !suppressed.isEmpty()) {
            StringBuilder msg = new StringBuilder("suppressed:");
            for (Finding f : suppressed) msg.append(' ').append(f.ruleId());
            x.empty("skipped").attr("message", msg.toString());
        }
        StringBuilder sysout = new StringBuilder();
        sysout.append("verdict: ").append(ReportSupport.verdict(t).id());
        String pid1 = ReportSupport.pid1(t);
        if (pid1 != null) sysout.append(", PID 1: ").append(pid1);
        sysout.append('\n');
        for (Finding f : t.findings()) {
            if (!isFailure(f)) {
                sysout.append(line(t, f)).append(f.suppressed() ? " (suppressed)" : "").append('\n');
            }
        }
        x.open("system-out").text(sysout.toString()).close(false);
        x.close(true);
    }

    private static List<Finding> failures(TargetReport t) {
        return t.findings().stream().filter(JunitReporter::isFailure).toList();
    }

    /** Unsuppressed errors and warnings fail a target; info findings do not. */
    private static boolean isFailure(Finding f) {
        return !f.suppressed() && f.severity().atLeast(Severity.WARNING);
    }

    private static String line(TargetReport t, Finding f) {
        Location at = ReportSupport.where(t, f);
        return TextReporter.position(at.file(), at.line(), at.column()) + ": " + f.severity().id() + " "
                + f.ruleId() + " " + f.message();
    }

    /** One file's test suite and its counts (test cases, not findings). */
    private record Suite(ReportSupport.FileGroup group) {
        long tests() {
            return group.targets().size() + group.errors().size();
        }

        long failures() {
            return group.targets().stream().filter(t -> !JunitReporter.failures(t).isEmpty()).count();
        }

        long errors() {
            return group.errors().size();
        }

        long skipped() {
            return group.targets().stream()
                    .filter(t -> JunitReporter.failures(t).isEmpty() && t.findings().stream().anyMatch(Finding::suppressed))
                    .count();
        }
    }
}
