package io.initguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initguard.core.engine.RuleDescriptor;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run; the driver lists every rule passed in (not only those
 * with results), so that {@code ruleIndex} is stable; every finding is a result, a suppressed one with
 * {@code suppressions: [{kind: inSource}]}; inputs that could not be read are {@code toolExecutionNotifications}
 * of the one invocation, whose {@code executionSuccessful} is false when there are any.
 *
 * <p>Artifact URIs are the paths as given, with forward slashes and percent-encoding where a URI needs it,
 * relative to {@code %SRCROOT%}; an absolute path becomes a {@code file:} URI without a base.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    static final String INFORMATION_URI = "https://github.com/initguard/initguard";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    @Override
    public void write(LintReport report, List<RuleDescriptor> rules, Writer out) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, toSarif(report, rules));
        out.write('\n');
        out.flush();
    }

    /** The SARIF log as a JSON tree. */
    ObjectNode toSarif(LintReport report, List<RuleDescriptor> rules) {
        ObjectNode log = nodes.objectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", report.toolName());
        driver.put("version", report.toolVersion());
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleDescriptor r : rules) {
            ruleIndex.putIfAbsent(r.id(), ruleNodes.size());
            ruleNodes.add(rule(r));
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", report.errors().isEmpty());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (LintError e : report.errors()) {
            ObjectNode n = notifications.addObject();
            n.put("level", "error");
            n.putObject("message").put("text", e.message());
            n.putArray("locations").addObject()
                    .set("physicalLocation", physicalLocation(new Location(e.file(), e.line(), e.column())));
        }

        ArrayNode results = run.putArray("results");
        for (TargetReport t : report.targets()) {
            for (Finding f : t.findings()) {
                ObjectNode r = results.addObject();
                r.put("ruleId", f.ruleId());
                Integer index = ruleIndex.get(f.ruleId());
                if (index != null) r.put("ruleIndex", index);
                r.put("level", level(f.severity()));
                r.putObject("message").put("text", f.message());
                r.putArray("locations").addObject()
                        .set("physicalLocation", physicalLocation(ReportSupport.where(t, f)));
                if (f.suppressed()) r.putArray("suppressions").addObject().put("kind", "inSource");
                ObjectNode props = r.putObject("properties");
                props.put("target", t.kind() + ":" + t.name());
                props.put("verdict", ReportSupport.verdict(t).id());
            }
        }
        return log;
    }

    private ObjectNode rule(RuleDescriptor r) {
        ObjectNode n = nodes.objectNode();
        n.put("id", r.id());
        n.put("name", r.id());
        n.putObject("shortDescription").put("text", r.summary());
        n.putObject("fullDescription").put("text", r.summary());
        if (r.docsUrl() != null) n.put("helpUri", r.docsUrl());
        String sentence = r.summary().endsWith(".") ? r.summary() : r.summary() + ".";
        n.putObject("help").put("text", r.docsUrl() == null ? sentence : sentence + " See " + r.docsUrl());
        n.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = n.putObject("properties");
        props.putArray("tags").add("containers").add("pid1");
        props.put("problem.severity", switch (r.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "recommendation";
        });
        return n;
    }

    private ObjectNode physicalLocation(Location at) {
        ObjectNode p = nodes.objectNode();
        ObjectNode artifact = p.putObject("artifactLocation");
        String uri = toUri(at.file());
        artifact.put("uri", uri);
        if (!uri.startsWith("file:")) artifact.put("uriBaseId", SRCROOT);
        if (at.line() > 0) {
            ObjectNode region = p.putObject("region");
            region.put("startLine", at.line());
            if (at.column() > 0) region.put("startColumn", at.column());
        }
        return p;
    }

    /** SARIF's {@code level} for a severity: error, warning, note. */
    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * A path as given, as a URI reference: backslashes become slashes, leading {@code ./} go, and every character
     * that may not stand in a URI path (and {@code :}, so that no first segment reads as a scheme) is
     * percent-encoded as UTF-8. An absolute path ({@code /x}, {@code C:/x}) becomes a {@code file:} URI.
     */
    static String toUri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) p = p.substring(2);
        boolean windowsAbsolute = p.length() >= 3 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
                && p.charAt(2) == '/';
        if (windowsAbsolute) return "file:///" + p.substring(0, 2) + encodePath(p.substring(2));
        if (p.startsWith("/")) return "file://" + encodePath(p);
        return encodePath(p);
    }

    private static String encodePath(String p) {
        StringBuilder sb = new StringBuilder();
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
            if (keep) sb.append((char) c);
            else sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
        return sb.toString();
    }
}
