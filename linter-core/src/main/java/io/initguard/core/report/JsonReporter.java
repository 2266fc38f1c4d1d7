package io.initguard.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.initguard.core.engine.RuleDescriptor;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON report, version 1: the contract external checkers read. Its shape, pretty-printed, with the fields in
 * this order:
 *
 * <pre>{@code
 * {"version":1,"tool":{"name":..,"version":..},
 *  "targets":[{"file","kind","name","verdict":"init|no-init|unknown","init":string|null,"pid1":string|null,
 *              "chain":[one string per hop],
 *              "findings":[{"ruleId","severity":"error|warning|info","message","file","line","column","suppressed"}]}],
 *  "errors":[{"file","line","message"}],
 *  "summary":{"targets":N,"errors":N,"error":N,"warning":N,"info":N,"suppressed":N}}
 * }</pre>
 *
 * {@code summary.errors} counts unreadable inputs; {@code error}, {@code warning} and {@code info} count
 * unsuppressed findings; {@code suppressed} counts suppressed findings of any severity. A line or column of 0 means
 * unknown (column 0: the whole line).
 */
public final class JsonReporter implements Reporter {
    /** The version of this contract; bumped only on an incompatible change. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(LintReport report, List<RuleDescriptor> rules, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", FORMAT_VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", report.toolName());
            g.writeStringField("version", report.toolVersion());
            g.writeEndObject();

            g.writeArrayFieldStart("targets");
            for (TargetReport t : report.targets()) writeTarget(g, t);
            g.writeEndArray();

            g.writeArrayFieldStart("errors");
            for (LintError e : report.errors()) {
                g.writeStartObject();
                g.writeStringField("file", e.file());
                g.writeNumberField("line", e.line());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeObjectFieldStart("summary");
            g.writeNumberField("targets", report.targets().size());
            g.writeNumberField("errors", report.errors().size());
            for (Severity s : Severity.values()) g.writeNumberField(s.id(), ReportSupport.unsuppressed(report, s));
            g.writeNumberField("suppressed", ReportSupport.suppressed(report));
            g.writeEndObject();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeTarget(JsonGenerator g, TargetReport t) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", t.file());
        g.writeStringField("kind", t.kind());
        g.writeStringField("name", t.name());
        g.writeStringField("verdict", ReportSupport.verdict(t).id());
        g.writeStringField("init", ReportSupport.init(t));
        g.writeStringField("pid1", ReportSupport.pid1(t));
        g.writeArrayFieldStart("chain");
        for (String line : ReportSupport.chainLines(t)) g.writeString(line);
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : t.findings()) {
            Location at = ReportSupport.where(t, f);
            g.writeStartObject();
            g.writeStringField("ruleId", f.ruleId());
            g.writeStringField("severity", f.severity().id());
            g.writeStringField("message", f.message());
            g.writeStringField("file", at.file());
            g.writeNumberField("line", at.line());
            g.writeNumberField("column", at.column());
            g.writeBooleanField("suppressed", f.suppressed());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
