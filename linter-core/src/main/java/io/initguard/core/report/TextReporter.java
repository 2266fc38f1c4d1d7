package io.initguard.core.report;

import io.initguard.core.engine.RuleDescriptor;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;
import io.initguard.core.model.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The report for people. Per target a header {@code file (kind name): verdict — PID 1: pid1 [init]}, with
 * {@code --explain} the chain of hops indented under it, then its unsuppressed findings as
 * {@code file:line:col: severity IG101 message}; then the inputs that could not be read, and a summary line such as
 * {@code 3 targets: 1 init, 2 no-init; 2 errors, 1 warning (1 suppressed)}.
 *
 * <p>ANSI colours only when constructed with {@code color = true}; the caller decides (NO_COLOR, a terminal).
 * Control characters in messages are shown as escapes ({@code \n}, {@code \u001b}), so that a message can neither
 * break the one-line form nor drive the terminal.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private final boolean color;
    private final boolean explain;

    /**
     * @param color   use ANSI colours
     * @param explain print each target's PID-1 chain under its header
     */
    public TextReporter(boolean color, boolean explain) {
        this.color = color;
        this.explain = explain;
    }

    @Override
    public void write(LintReport report, List<RuleDescriptor> rules, Writer out) throws IOException {
        for (TargetReport t : report.targets()) {
            out.write(header(t));
            out.write('\n');
            if (explain) {
                for (String hop : ReportSupport.chainLines(t)) {
                    out.write(paint(DIM, "    " + visible(hop)));
                    out.write('\n');
                }
            }
            for (Finding f : t.findings()) {
                if (f.suppressed()) continue;
                Location at = ReportSupport.where(t, f);
                out.write(paint(BOLD, visible(position(at.file(), at.line(), at.column())) + ":") + " "
                        + paint(severityColor(f.severity()), f.severity().id()) + " "
                        + paint(BOLD, f.ruleId()) + " " + visible(f.message()));
                out.write('\n');
            }
        }
        for (LintError e : report.errors()) {
            out.write(paint(BOLD, visible(position(e.file(), e.line(), e.column())) + ":") + " "
                    + paint(RED, "error") + " " + visible(e.message()));
            out.write('\n');
        }
        out.write(summary(report));
        out.write('\n');
        out.flush();
    }

    private String header(TargetReport t) {
        Verdict v = ReportSupport.verdict(t);
        String pid1 = ReportSupport.pid1(t);
        String init = ReportSupport.init(t);
        StringBuilder sb = new StringBuilder();
        sb.append(paint(BOLD, visible(t.file())));
        // An image is its own file: its name once is enough.
        if (!t.name().equals(t.file())) sb.append(" (").append(visible(t.kind())).append(' ').append(visible(t.name())).append(')');
        else sb.append(" (").append(visible(t.kind())).append(')');
        sb.append(": ").append(paint(verdictColor(v), v.id()))
                .append(" \u2014 PID 1: ").append(pid1 == null ? "unknown" : visible(pid1));
        if (init != null) sb.append(" [").append(visible(init)).append(']');
        return sb.toString();
    }

    /** The summary line, without colours. */
    static String summary(LintReport report) {
        long[] verdicts = new long[Verdict.values().length];
        for (TargetReport t : report.targets()) verdicts[ReportSupport.verdict(t).ordinal()]++;
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            if (verdicts[v.ordinal()] > 0) parts.add(verdicts[v.ordinal()] + " " + v.id());
        }
        StringBuilder sb = new StringBuilder(ReportSupport.plural(report.targets().size(), "target", "targets"));
        if (!parts.isEmpty()) sb.append(": ").append(String.join(", ", parts));

        List<String> counts = new ArrayList<>();
        long errors = ReportSupport.unsuppressed(report, Severity.ERROR);
        long warnings = ReportSupport.unsuppressed(report, Severity.WARNING);
        long infos = ReportSupport.unsuppressed(report, Severity.INFO);
        if (errors > 0) counts.add(ReportSupport.plural(errors, "error", "errors"));
        if (warnings > 0) counts.add(ReportSupport.plural(warnings, "warning", "warnings"));
        if (infos > 0) counts.add(infos + " info");
        sb.append("; ").append(counts.isEmpty() ? "no findings" : String.join(", ", counts));
        long suppressed = ReportSupport.suppressed(report);
        if (suppressed > 0) sb.append(" (").append(suppressed).append(" suppressed)");
        if (!report.errors().isEmpty()) {
            sb.append("; ").append(ReportSupport.plural(report.errors().size(), "input", "inputs"))
                    .append(" could not be read");
        }
        return sb.toString();
    }

    /** {@code file:line:col}, leaving out what is unknown (0), like {@link LintError#oneLine()}. */
    static String position(String file, int line, int column) {
        if (line <= 0) return file;
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }

    /** Shows control characters as escapes: {@code \n}, {@code \r}, {@code \t}, otherwise {@code \}{@code uXXXX}. */
    static String visible(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String severityColor(Severity s) {
        return switch (s) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case INFO -> CYAN;
        };
    }

    private static String verdictColor(Verdict v) {
        return switch (v) {
            case INIT -> GREEN;
            case NO_INIT -> RED;
            case UNKNOWN -> YELLOW;
        };
    }
}
