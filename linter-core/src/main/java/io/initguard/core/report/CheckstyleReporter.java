package io.initguard.core.report;

import io.initguard.core.engine.RuleDescriptor;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.TargetReport;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML, the format reviewdog and Jenkins read:
 * {@code <checkstyle version="4.3"><file name=..><error line column severity message source="initguard.IG101"/>}.
 * One {@code <file>} per input (also those without findings), in the order first seen; a finding is listed under
 * the file it points at; suppressed findings are left out; an input that could not be read is an error with source
 * {@code initguard.input}. Line and column are left out when unknown (0).
 */
public final class CheckstyleReporter implements Reporter {
    static final String SOURCE_PREFIX = "initguard.";

    private record Entry(int line, int column, String severity, String message, String source) {
    }

    @Override
    public void write(LintReport report, List<RuleDescriptor> rules, Writer out) throws IOException {
        Map<String, List<Entry>> files = new LinkedHashMap<>();
        for (TargetReport t : report.targets()) {
            files.computeIfAbsent(t.file(), k -> new ArrayList<>());
            for (Finding f : t.findings()) {
                if (f.suppressed()) continue;
                Location at = ReportSupport.where(t, f);
                files.computeIfAbsent(at.file(), k -> new ArrayList<>()).add(new Entry(at.line(), at.column(),
                        f.severity().id(), f.message(), SOURCE_PREFIX + f.ruleId()));
            }
        }
        for (LintError e : report.errors()) {
            files.computeIfAbsent(e.file(), k -> new ArrayList<>())
                    .add(new Entry(e.line(), e.column(), "error", e.message(), SOURCE_PREFIX + "input"));
        }

        XmlSupport x = new XmlSupport(out);
        x.open("checkstyle").attr("version", "4.3");
        for (Map.Entry<String, List<Entry>> file : files.entrySet()) {
            x.open("file").attr("name", file.getKey());
            for (Entry e : file.getValue()) {
                x.empty("error");
                if (e.line() > 0) {
                    x.attr("line", e.line());
                    if (e.column() > 0) x.attr("column", e.column());
                }
                x.attr("severity", e.severity()).attr("message", e.message()).attr("source", e.source());
            }
            x.close(!file.getValue().isEmpty());
        }
        x.close(true);
        x.finish();
        out.flush();
    }
}
