package io.initguard.cli;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.Config;
import io.initguard.core.config.ConfigException;
import io.initguard.core.config.ConfigLoader;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.chart.ChartException;
import io.initguard.core.chart.ChartRequest;
import io.initguard.core.chart.RenderedChart;
import io.initguard.core.chart.RenderedTemplate;
import io.initguard.core.lint.ComposeLinter;
import io.initguard.core.lint.DockerfileLinter;
import io.initguard.core.lint.KubernetesLinter;
import io.initguard.core.lint.Resolvers;
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
        description = "Lints Dockerfiles, compose files, Kubernetes manifests and Helm charts: which process is PID 1"
                + " of each container, and is it a proper init?",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above the failure threshold",
                "1:findings at or above the failure threshold",
                "2:usage error, unreadable or unparsable input, or nothing found to lint"})
final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Files or folders, or - for a Dockerfile on standard input. Folders are searched for"
                    + " Dockerfiles (Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*), compose files"
                    + " (compose.yaml, docker-compose.yml, ...), Helm charts (a folder with Chart.yaml) and"
                    + " Kubernetes manifests (other *.yaml, *.yml).")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "COMPOSE_FILE",
            description = "A compose file; several are merged in order into one project, as docker compose -f does."
                    + " Repeatable.")
    List<Path> composeFiles = new ArrayList<>();

    @Option(names = "--values", paramLabel = "FILE", description = "Helm charts: a values file. Repeatable.")
    List<Path> chartValues = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Helm charts: set a value. Repeatable.")
    List<String> chartSets = new ArrayList<>();

    @Option(names = "--namespace", paramLabel = "NS",
            description = "Helm charts: the namespace to render in (default: default).")
    String namespace;

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

        if (paths.isEmpty() && composeFiles.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'PATH'");
        }
        List<LintError> errors = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                jobs.add(new Job("-", null, InputFinder.Kind.DOCKERFILE,
                        new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                for (InputFinder.Input in : InputFinder.under(path, p)) {
                    jobs.add(new Job(in.reported(), in.path(), in.kind(), null));
                }
            } else if (Files.isRegularFile(path)) {
                InputFinder.Kind kind = InputFinder.kindOf(path.getFileName().toString());
                jobs.add(new Job(p, path, kind == null ? InputFinder.Kind.DOCKERFILE : kind, null));
            } else {
                errors.add(new LintError(p, 0, 0, Files.exists(path) ? "not a regular file" : "no such file or folder"));
            }
        }
        for (Path f : composeFiles) {
            if (!Files.isRegularFile(f)) errors.add(new LintError(f.toString(), 0, 0, "no such file"));
        }
        if (!composeFiles.isEmpty() && errors.isEmpty()) {
            jobs.add(new Job(composeFiles.getFirst().toString(), composeFiles.getFirst(), InputFinder.Kind.COMPOSE,
                    null));
        }

        LintEngine engine = LintEngine.withInstalledRules();
        Resolvers resolvers = new Resolvers(builtin);
        Linters linters = new Linters(new DockerfileLinter(engine, resolvers), new ComposeLinter(engine, resolvers),
                new KubernetesLinter(engine, resolvers));
        final Config fixedConfig = fixed;
        List<Linted> results = IntStream.range(0, jobs.size()).parallel()
                .mapToObj(i -> lintOne(jobs.get(i), linters, loader, fixedConfig)).toList();

        // The threshold: the command line's, else that of the config that applies to each file, else error.
        List<TargetReport> targets = new ArrayList<>();
        List<Finding> failing = new ArrayList<>();
        for (Linted r : results) {
            Severity t = threshold != null ? threshold
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
            err.println("initguard: nothing to lint: no Dockerfile, compose file, Helm chart or Kubernetes workload"
                    + " under " + String.join(" ", paths));
            return Main.USAGE;
        }
        if (noFail) return Main.OK;
        return failing.isEmpty() ? Main.OK : Main.FINDINGS;
    }

    /** What linting one input gave, and the config used (null when none could be read). */
    private record Linted(LintOutcome outcome, Config config) {
        static Linted failed(LintError error) {
            return new Linted(LintOutcome.failed(error), null);
        }
    }

    /** One input to lint: a file (or chart folder), or standard input. */
    private record Job(String reported, Path path, InputFinder.Kind kind, String stdin) {
    }

    private record Linters(DockerfileLinter dockerfiles, ComposeLinter compose, KubernetesLinter kubernetes) {
    }

    private Linted lintOne(Job job, Linters linters, ConfigLoader loader, Config fixed) {
        Config cfg = fixed;
        Path dir = job.path() == null ? null : job.kind() == InputFinder.Kind.CHART ? job.path().toAbsolutePath()
                : job.path().toAbsolutePath().getParent();
        if (cfg == null) {
            try {
                cfg = loader.forFolder(dir == null ? Path.of("") : dir);
            } catch (ConfigException e) {
                return Linted.failed(new LintError(e.file().toString(), e.line(), 0, e.reason()));
            }
        }
        if (job.kind() == InputFinder.Kind.CHART) return new Linted(lintChart(job, linters.kubernetes(), cfg), cfg);
        String content;
        if (job.stdin() != null) {
            content = job.stdin();
        } else {
            try {
                content = read(job.path());
            } catch (InputException e) {
                return Linted.failed(new LintError(job.reported(), 0, 0, e.getMessage()));
            }
        }
        return new Linted(switch (job.kind()) {
            case DOCKERFILE -> linters.dockerfiles().lint(job.reported(), content, dir, target, cfg);
            case KUBERNETES -> linters.kubernetes().lint(job.reported(), content, cfg);
            case COMPOSE -> lintCompose(job, content, dir, linters.compose(), cfg);
            case CHART -> throw new IllegalStateException("charts are rendered above");
        }, cfg);
    }

    /** A compose file with the files merged into it: the -f files after the first, or its .override file. */
    private LintOutcome lintCompose(Job job, String content, Path dir, ComposeLinter linter, Config cfg) {
        List<String> names = new ArrayList<>(List.of(job.reported()));
        List<String> texts = new ArrayList<>(List.of(content));
        List<Path> more = new ArrayList<>();
        if (!composeFiles.isEmpty() && job.path().equals(composeFiles.getFirst())) {
            more.addAll(composeFiles.subList(1, composeFiles.size()));
        } else {
            Path override = InputFinder.overrideOf(job.path());
            if (override != null) more.add(override);
        }
        for (Path m : more) {
            String name = composeFiles.contains(m) ? m.toString()
                    : Path.of(job.reported()).resolveSibling(m.getFileName().toString()).toString();
            try {
                texts.add(read(m));
                names.add(name);
            } catch (InputException e) {
                return LintOutcome.failed(new LintError(name, 0, 0, e.getMessage()));
            }
        }
        return linter.lint(names, texts, dir, cfg);
    }

    /** Renders a chart and lints what it renders; findings point at the templates. */
    private LintOutcome lintChart(Job job, KubernetesLinter linter, Config cfg) {
        RenderedChart chart;
        try {
            chart = ChartSupport.load().render(new ChartRequest(job.path(), chartValues, chartSets, namespace, null));
        } catch (ChartException e) {
            return LintOutcome.failed(new LintError(e.file() == null ? job.reported() : inChart(job, e.file()),
                    e.line(), 0, e.reason()));
        }
        List<TargetReport> targets = new ArrayList<>();
        List<LintError> errors = new ArrayList<>();
        for (RenderedTemplate t : chart.templates()) {
            LintOutcome o = linter.lint(inChart(job, t.source()), t.yaml(), cfg);
            targets.addAll(o.targets());
            errors.addAll(o.errors());
        }
        return new LintOutcome(targets, errors);
    }

    /** {@code webapp/templates/x.yaml} (Helm's name) as reported: under the chart folder as given. */
    private static String inChart(Job job, String helmPath) {
        Path p = Path.of(helmPath);
        Path rel = p.getNameCount() > 1 ? p.subpath(1, p.getNameCount()) : p;
        return Path.of(job.reported()).resolve(rel.toString()).toString();
    }

    /** An input file that cannot be read as UTF-8 text; the message is one line. */
    private static final class InputException extends Exception {
        InputException(String message) {
            super(message);
        }
    }

    private static String read(Path p) throws InputException {
        try {
            return decode(Files.readAllBytes(p));
        } catch (CharacterCodingException e) {
            throw new InputException("not UTF-8 text");
        } catch (IOException e) {
            throw new InputException("cannot read: " + e.getMessage());
        }
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
