package io.initguard.core.report;

import io.initguard.core.engine.RuleDescriptor;
import io.initguard.core.model.LintReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a {@link LintReport} in one output format. Implementations write the whole document to {@code out},
 * flush it, and leave it open; text that is not ASCII is written as characters, so the caller chooses the
 * encoding of {@code out} (UTF-8 for the XML formats, which declare it).
 */
public interface Reporter {
    /**
     * @param report what the run found
     * @param rules  every rule that ran (or could have run), for formats that describe rules (SARIF)
     * @param out    where the document goes; flushed, not closed
     */
    void write(LintReport report, List<RuleDescriptor> rules, Writer out) throws IOException;
}
