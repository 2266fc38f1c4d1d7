package io.initguard.core.report;

import io.initguard.core.engine.RuleDescriptor;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.TargetReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * GitHub Actions workflow commands, one line per unsuppressed finding:
 * {@code ::error file=F,line=L,col=C,title=IG101::message} ({@code ::warning}, and {@code ::notice} for info).
 * An input that could not be read is an {@code ::error} titled {@code initguard}. Escaping follows GitHub's
 * toolkit: in the message {@code %}, CR and LF are percent-encoded; in properties also {@code :} and {@code ,}.
 * Line and column are left out when unknown (0).
 */
public final class GithubReporter implements Reporter {
    @Override
    public void write(LintReport report, List<RuleDescriptor> rules, Writer out) throws IOException {
        for (TargetReport t : report.targets()) {
            for (Finding f : t.findings()) {
                if (f.suppressed()) continue;
                String command = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "notice";
                };
                Location at = ReportSupport.where(t, f);
                out.write(command(command, at.file(), at.line(), at.column(), f.ruleId(), f.message()));
            }
        }
        for (LintError e : report.errors()) {
            out.write(command("error", e.file(), e.line(), e.column(), report.toolName(), e.message()));
        }
        out.flush();
    }

    private static String command(String command, String file, int line, int column, String title, String message) {
        StringBuilder sb = new StringBuilder("::").append(command).append(" file=").append(escapeProperty(file));
        if (line > 0) {
            sb.append(",line=").append(line);
            if (column > 0) sb.append(",col=").append(column);
        }
        sb.append(",title=").append(escapeProperty(title));
        return sb.append("::").append(escapeData(message)).append('\n').toString();
    }

    /** The message of a command: {@code %}, CR and LF percent-encoded. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value of a command: as {@link #escapeData}, and {@code :} and {@code ,} too. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
