package io.initguard.cli;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.Config;
import io.initguard.core.config.ConfigException;
import io.initguard.core.config.ConfigLoader;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.lint.LintOutcome;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;
import io.initguard.core.report.ReportFormat;
import io.initguard.core.report.Reporter;
import io.initguard.core.report.TextReporter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lint} and {@code scan} share: report formats and files, {@code --explain}, the failure threshold,
 * {@code --no-fail} and {@code --config}; and how a run ends (reports written, exit code chosen).
 */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT[=FILE]", split = ",",
            description = "text, json, sarif, junit, checkstyle or github; FORMAT=FILE writes to FILE. "
                    + "Repeatable. Default: text.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--explain", description = "Print each target's PID-1 chain (text format).")
    boolean explain;

    @Option(names = "--failure-threshold", paramLabel = "LEVEL",
            description = "error, warning or info: the least severe finding that fails the run (default: error).")
    String failureThreshold;

    @Option(names = "--no-fail", description = "Exit 0 even when there are findings (input errors still exit 2).")
    boolean noFail;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this config file instead of the .initguard.yaml found by walking up from each file.")
    Path config;

    /** A report to write: its format, and the file (null: standard output). */
    record Output(ReportFormat format, Path file) {
    }

    /** What one input gave, and the config used for it (null when none could be read). */
    record Linted(LintOutcome outcome, Config config) {
        static Linted failed(LintError error) {
            return new Linted(LintOutcome.failed(error), null);
        }
    }

    /** The options, checked; a bad one is a usage error (exit 2). */
    record Checked(List<Output> outputs, Severity threshold, ConfigLoader loader, Config fixed) {
    }

    /** Checks the options and loads {@code --config}; null after printing why when the config cannot be read. */
    Checked check(CommandLine cl, PrintWriter err) {
        List<Output> outputs = new ArrayList<>();
        try {
            for (String f : formats.isEmpty() ? List.of("text") : formats) {
                int eq = f.indexOf('=');
                outputs.add(new Output(ReportFormat.parse(eq < 0 ? f : f.substring(0, eq)),
                        eq < 0 ? null : Path.of(f.substring(eq + 1))));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--format: " + e.getMessage());
        }
        Severity threshold = null;
        if (failureThreshold != null) {
            try {
                threshold = Severity.parse(failureThreshold);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--failure-threshold: " + e.getMessage());
            }
        }
        ConfigLoader loader = new ConfigLoader(Catalogs.empty());
        Config fixed = null;
        if (config != null) {
            try {
                fixed = loader.load(config);
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return null;
            }
        }
        return new Checked(outputs, threshold, loader, fixed);
    }

    /**
     * Writes the reports and chooses the exit code. The threshold: the command line's, else that of the config that
     * applies to each input, else error.
     *
     * @param nothing what to say when there was no target and no error
     */
    int finish(Checked checked, List<Linted> results, List<LintError> inputErrors, LintEngine engine,
               CommandLine cl, String nothing) throws IOException {
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        List<LintError> errors = new ArrayList<>(inputErrors);
        List<TargetReport> targets = new ArrayList<>();
        List<Finding> failing = new ArrayList<>();
        for (Linted r : results) {
            Severity t = checked.threshold() != null ? checked.threshold()
                    : r.config() != null && r.config().failureThreshold() != null ? r.config().failureThreshold()
                    : Severity.ERROR;
            targets.addAll(r.outcome().targets());
            r.outcome().targets().stream().flatMap(x -> x.findings().stream())
                    .filter(f -> !f.suppressed() && f.severity().atLeast(t)).forEach(failing::add);
            errors.addAll(r.outcome().errors());
        }

        LintReport report = new LintReport("initguard", Main.Version.get(), targets, errors);
        for (LintError e : errors) err.println(e.oneLine());
        boolean color = System.getenv("NO_COLOR") == null && System.console() != null
                && System.console().isTerminal();
        for (Output o : checked.outputs()) {
            Reporter reporter = o.format() == ReportFormat.TEXT
                    ? new TextReporter(color && o.file() == null, explain)
                    : o.format().reporter(false);
            if (o.file() == null) {
                reporter.write(report, engine.descriptors(), out);
                out.flush();
            } else {
                writeAtomically(o.file(), w -> reporter.write(report, engine.descriptors(), w));
            }
        }
        if (!errors.isEmpty()) return Main.USAGE;
        if (targets.isEmpty()) {
            err.println("initguard: " + nothing);
            return Main.USAGE;
        }
        if (noFail) return Main.OK;
        return failing.isEmpty() ? Main.OK : Main.FINDINGS;
    }

    @FunctionalInterface
    interface WriterBody {
        void write(Writer w) throws IOException;
    }

    /** Writes to a temporary file beside {@code target}, then renames it over: never a half-written report. */
    static void writeAtomically(Path target, WriterBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
