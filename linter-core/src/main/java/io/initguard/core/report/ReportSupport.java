package io.initguard.core.report;

import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;
import io.initguard.core.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers the reporters share. */
final class ReportSupport {
    private ReportSupport() {
    }

    /** Where a finding is; a finding without a location is placed on its target's file, line unknown (0). */
    static Location where(TargetReport target, Finding finding) {
        return finding.location() != null ? finding.location() : new Location(target.file(), 0, 0);
    }

    /** The verdict of a target; a target without a chain counts as unknown. */
    static Verdict verdict(TargetReport target) {
        return target.chain() == null ? Verdict.UNKNOWN : target.chain().verdict();
    }

    static String init(TargetReport target) {
        return target.chain() == null ? null : target.chain().init();
    }

    static String pid1(TargetReport target) {
        return target.chain() == null ? null : target.chain().pid1();
    }

    static List<String> chainLines(TargetReport target) {
        Pid1Chain chain = target.chain();
        return chain == null ? List.of() : chain.lines(target.file());
    }

    /** Unsuppressed findings of one severity, over all targets. */
    static long unsuppressed(LintReport report, Severity s) {
        return report.count(s, false);
    }

    /** Suppressed findings of any severity. */
    static long suppressed(LintReport report) {
        long n = 0;
        for (Severity s : Severity.values()) n += report.count(s, true);
        return n;
    }

    /** The files of the report (targets first, then unreadable inputs), each once, in the order first seen. */
    static Map<String, FileGroup> byFile(LintReport report) {
        Map<String, FileGroup> files = new LinkedHashMap<>();
        for (TargetReport t : report.targets()) {
            files.computeIfAbsent(t.file(), f -> new FileGroup(f, new ArrayList<>(), new ArrayList<>())).targets().add(t);
        }
        for (LintError e : report.errors()) {
            files.computeIfAbsent(e.file(), f -> new FileGroup(f, new ArrayList<>(), new ArrayList<>())).errors().add(e);
        }
        return files;
    }

    /** One input file: its targets and its read/parse errors. */
    record FileGroup(String file, List<TargetReport> targets, List<LintError> errors) {
    }

    /** {@code 1 target}, {@code 2 targets}. */
    static String plural(long n, String singular, String pluralForm) {
        return n + " " + (n == 1 ? singular : pluralForm);
    }

    /** XML 1.0 cannot hold most C0 control characters, even escaped: they become U+FFFD. */
    static String xmlSafe(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c) && validSurrogateAt(s, i);
            sb.append(ok ? c : '\uFFFD');
        }
        return sb.toString();
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** An XML attribute value on one line: attribute values lose line breaks when parsed, so we make that explicit. */
    static String xmlAttr(String s) {
        return xmlSafe(s).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
