package io.initguard.cli;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.Config;
import io.initguard.core.config.ConfigException;
import io.initguard.core.config.ConfigLoader;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.lint.DockerfileLinter;
import io.initguard.core.lint.LintOutcome;
import io.initguard.core.model.Finding;
import io.initguard.core.model.LintError;
import io.initguard.core.model.LintReport;
import io.initguard.core.model.Severity;
import io.initguard.core.model.TargetReport;
import io.initguard.core.report.ReportFormat;
import io.initguard.core.report.Reporter;
import io.initguard.core.report.TextReporter;
import io.initguard.rules.catalog.BuiltinCatalogs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code initguard lint}: lints Dockerfiles and reports, for each, which process is PID 1 and what is wrong. */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lints Dockerfiles: which process is PID 1, and is it a proper init?",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above the failure threshold",
                "1:findings at or above the failure threshold",
                "2:usage error, unreadable or unparsable input, or nothing found to lint"})
final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or folders (searched for Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*), "
                    + "or - for standard input.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT[=FILE]", split = ",",
            description = "text, json, sarif, junit, checkstyle or github; FORMAT=FILE writes to FILE. "
                    + "Repeatable. Default: text.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--explain", description = "Print each target's PID-1 chain (text format).")
    boolean explain;

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to check (default: the last).")
    String target;

    @Option(names = "--failure-threshold", paramLabel = "LEVEL",
            description = "error, warning or info: the least severe finding that fails the run (default: error).")
    String failureThreshold;

    @Option(names = "--no-fail", description = "Exit 0 even when there are findings (input errors still exit 2).")
    boolean noFail;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this config file instead of the .initguard.yaml found by walking up from each file.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private record Output(ReportFormat format, Path file) {
    }

    private record Job(String reported, Path path, String stdin) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<Output> outputs = new ArrayList<>();
        try {
            for (String f : formats.isEmpty() ? List.of("text") : formats) {
                int eq = f.indexOf('=');
                outputs.add(new Output(ReportFormat.parse(eq < 0 ? f : f.substring(0, eq)),
                        eq < 0 ? null : Path.of(f.substring(eq + 1))));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        Severity threshold = null;
        if (failureThreshold != null) {
            try {
                threshold = Severity.parse(failureThreshold);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--failure-threshold: " + e.getMessage());
            }
        }

        Catalogs builtin = new Catalogs(BuiltinCatalogs.inits(), BuiltinCatalogs.baseImages());
        ConfigLoader loader = new ConfigLoader(Catalogs.empty());
        Config fixed = null;
        if (config != null) {
            try {
                fixed = loader.load(config);
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return Main.USAGE;
            }
        }

        List<LintError> errors = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                jobs.add(new Job("-", null, new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                for (InputFinder.Input in : InputFinder.under(path, p)) jobs.add(new Job(in.reported(), in.path(), null));
            } else if (Files.isRegularFile(path)) {
                jobs.add(new Job(p, path, null));
            } else {
                errors.add(new LintError(p, 0, 0, Files.exists(path) ? "not a regular file" : "no such file or folder"));
            }
        }

        LintEngine engine = LintEngine.withInstalledRules();
        DockerfileLinter linter = new DockerfileLinter(engine, builtin);
        final Config fixedConfig = fixed;
        List<Linted> results = IntStream.range(0, jobs.size()).parallel()
                .mapToObj(i -> lintOne(jobs.get(i), linter, loader, fixedConfig)).toList();

        // The threshold: the command line's, else that of the config that applies to each file, else error.
        List<TargetReport> targets = new ArrayList<>();
        List<Finding> failing = new ArrayList<>();
        for (Linted r : results) {
            Severity t = threshold != null ? threshold
                    : r.config() != null && r.config().failureThreshold() != null ? r.config().failureThreshold()
                    : Severity.ERROR;
            switch (r.outcome()) {
                case LintOutcome.Linted l -> {
                    targets.addAll(l.targets());
                    l.targets().stream().flatMap(x -> x.findings().stream())
                            .filter(f -> !f.suppressed() && f.severity().atLeast(t)).forEach(failing::add);
                }
                case LintOutcome.Failed f -> errors.add(f.error());
            }
        }

        LintReport report = new LintReport("initguard", Main.Version.get(), targets, errors);
        for (LintError e : errors) err.println(e.oneLine());
        boolean color = System.getenv("NO_COLOR") == null && System.console() != null
                && System.console().isTerminal();
        for (Output o : outputs) {
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
            err.println("initguard: nothing to lint: no Dockerfile, Containerfile, *.Dockerfile or Dockerfile.* under "
                    + String.join(" ", paths));
            return Main.USAGE;
        }
        if (noFail) return Main.OK;
        return failing.isEmpty() ? Main.OK : Main.FINDINGS;
    }

    /** What linting one input gave, and the config used (null when none could be read). */
    private record Linted(LintOutcome outcome, Config config) {
        static Linted failed(LintError error) {
            return new Linted(new LintOutcome.Failed(error), null);
        }
    }

    private Linted lintOne(Job job, DockerfileLinter linter, ConfigLoader loader, Config fixed) {
        String content;
        Path context = null;
        Config cfg = fixed;
        if (job.stdin() != null) {
            content = job.stdin();
        } else {
            try {
                content = decode(Files.readAllBytes(job.path()));
            } catch (CharacterCodingException e) {
                return Linted.failed(new LintError(job.reported(), 0, 0, "not UTF-8 text"));
            } catch (IOException e) {
                return Linted.failed(new LintError(job.reported(), 0, 0, "cannot read: " + e.getMessage()));
            }
            context = job.path().toAbsolutePath().getParent();
        }
        if (cfg == null) {
            try {
                cfg = loader.forFolder(job.path() == null ? Path.of("") : job.path().toAbsolutePath().getParent());
            } catch (ConfigException e) {
                return Linted.failed(new LintError(e.file().toString(), e.line(), 0, e.reason()));
            }
        }
        return new Linted(linter.lint(job.reported(), content, context, target, cfg), cfg);
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    @FunctionalInterface
    private interface WriterBody {
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
