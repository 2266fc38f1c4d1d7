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
import io.initguard.core.image.RemoteImageResolver;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

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

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to check (default: the last).")
    String target;

    @Option(names = "--resolve-images",
            description = "Look up the images the base-image catalogue does not know (FROM, Kubernetes and compose"
                    + " images): their config, from the registry (or --image-source docker-daemon), cached on disk.")
    boolean resolveImages;

    @Option(names = "--image-source", paramLabel = "SOURCE",
            description = "Where --resolve-images looks: registry (default) or docker-daemon.")
    String imageSource = "registry";

    @Option(names = "--resolve-deadline", paramLabel = "DURATION",
            description = "--resolve-images: all image lookups of a run together, e.g. 60s (default: 60s).")
    String resolveDeadline;

    @Option(names = "--image-cache-ttl", paramLabel = "DURATION",
            description = "--resolve-images: how long a tag's digest is trusted from the cache (default: 15m; 0 to"
                    + " always ask). Configs are cached by digest for good.")
    String imageCacheTtl;

    @CommandLine.Mixin
    ReportOptions report;

    @CommandLine.Mixin
    ImageOptions images;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReportOptions.Checked checked = report.check(spec.commandLine(), err);
        if (checked == null) return Main.USAGE;
        Catalogs builtin = new Catalogs(BuiltinCatalogs.inits(), BuiltinCatalogs.baseImages());

        if (paths.isEmpty() && composeFiles.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'PATH'");
        }
        List<LintError> errors = new ArrayList<>();
        List<Job> jobs = jobs(errors);

        LintEngine engine = LintEngine.withInstalledRules();
        RemoteImageResolver.Transport transport = switch (imageSource) {
            case "registry" -> RemoteImageResolver.Transport.REGISTRY;
            case "docker-daemon" -> RemoteImageResolver.Transport.DOCKER_DAEMON;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--image-source: registry or docker-daemon, not " + imageSource);
        };
        try (ImageOptions.Resolution imageResolution = images.resolution(spec.commandLine(), resolveImages,
                transport, resolveDeadline, imageCacheTtl)) {
            Resolvers resolvers = new Resolvers(builtin, imageResolution.factory());
            Linters linters = new Linters(new DockerfileLinter(engine, resolvers),
                    new ComposeLinter(engine, resolvers), new KubernetesLinter(engine, resolvers));
            List<ReportOptions.Linted> results = inParallel(jobs,
                    job -> lintOne(job, linters, checked.loader(), checked.fixed()));
            return report.finish(checked, results, errors, engine, spec.commandLine(),
                    "nothing to lint: no Dockerfile, compose file, Helm chart or Kubernetes workload under "
                            + String.join(" ", paths));
        }
    }

    /** What the command line names, as jobs; paths that are not there go to {@code errors}. */
    private List<Job> jobs(List<LintError> errors) throws IOException {
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
                String name = path.getFileName().toString();
                if (InputFinder.isComposeOverride(name)) {
                    // An override file (as pre-commit passes it) is linted with the file it overrides, once.
                    Path base = InputFinder.baseOf(path);
                    Path lint = base != null ? base : path;
                    String reported = base != null ? Path.of(p).resolveSibling(base.getFileName().toString()).toString() : p;
                    if (jobs.stream().noneMatch(j -> lint.equals(j.path()))) {
                        jobs.add(new Job(reported, lint, InputFinder.Kind.COMPOSE, null));
                    }
                    continue;
                }
                InputFinder.Kind kind = InputFinder.kindOf(name);
                Path file = path;
                if (kind == InputFinder.Kind.COMPOSE && jobs.stream().anyMatch(j -> file.equals(j.path()))) continue;
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
        return jobs;
    }

    /**
     * Lints the jobs on a pool of its own, results in job order. Not a parallel stream: that runs on the common
     * ForkJoinPool, where java.net.http also completes its responses, so with jobs blocked waiting on one image
     * lookup (--resolve-images) the response that would free them could not complete until the request timed out.
     */
    private static List<ReportOptions.Linted> inParallel(List<Job> jobs,
                                                         Function<Job, ReportOptions.Linted> lint) {
        List<Future<ReportOptions.Linted>> futures = new ArrayList<>();
        int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Job job : jobs) futures.add(pool.submit(() -> lint.apply(job)));
        }
        List<ReportOptions.Linted> results = new ArrayList<>();
        for (Future<ReportOptions.Linted> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return results;
    }

    /** One input to lint: a file (or chart folder), or standard input. */
    private record Job(String reported, Path path, InputFinder.Kind kind, String stdin) {
    }

    private record Linters(DockerfileLinter dockerfiles, ComposeLinter compose, KubernetesLinter kubernetes) {
    }

    private ReportOptions.Linted lintOne(Job job, Linters linters, ConfigLoader loader, Config fixed) {
        Config cfg = fixed;
        Path dir = job.path() == null ? null : job.kind() == InputFinder.Kind.CHART ? job.path().toAbsolutePath()
                : job.path().toAbsolutePath().getParent();
        if (cfg == null) {
            try {
                cfg = loader.forFolder(dir == null ? Path.of("") : dir);
            } catch (ConfigException e) {
                return ReportOptions.Linted.failed(new LintError(e.file().toString(), e.line(), 0, e.reason()));
            }
        }
        if (job.kind() == InputFinder.Kind.CHART) return new ReportOptions.Linted(lintChart(job, linters.kubernetes(), cfg), cfg);
        String content;
        if (job.stdin() != null) {
            content = job.stdin();
        } else {
            try {
                content = read(job.path());
            } catch (InputException e) {
                return ReportOptions.Linted.failed(new LintError(job.reported(), 0, 0, e.getMessage()));
            }
        }
        return new ReportOptions.Linted(switch (job.kind()) {
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
}
