package io.initguard.cli;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.Config;
import io.initguard.core.config.ConfigException;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageSource;
import io.initguard.core.image.ImageSources;
import io.initguard.core.lint.ImageLinter;
import io.initguard.core.lint.Resolvers;
import io.initguard.rules.catalog.BuiltinCatalogs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code initguard scan}: reads images where they live and reports which process is PID 1 of each. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scans images: which process is PID 1, read from the image config and, when needed, its"
                + " layers.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above the failure threshold",
                "1:findings at or above the failure threshold",
                "2:usage error, or an image that cannot be read (missing, refused, damaged)"})
final class ScanCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE",
            description = "Images, named as skopeo names them: docker://REF (a registry; also a bare REF),"
                    + " docker-daemon:REF, docker-archive:FILE[:REF], oci-archive:FILE[:REF], oci:DIR[:REF].")
    List<String> images;

    @CommandLine.Mixin
    ReportOptions report;

    @CommandLine.Mixin
    ImageOptions imageOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportOptions.Checked checked = report.check(spec.commandLine(), spec.commandLine().getErr());
        if (checked == null) return Main.USAGE;
        Config config;
        try {
            config = checked.fixed() != null ? checked.fixed() : checked.loader().forFolder(Path.of(""));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.USAGE;
        }
        LintEngine engine = LintEngine.withInstalledRules();
        Resolvers resolvers = new Resolvers(new Catalogs(BuiltinCatalogs.inits(), BuiltinCatalogs.baseImages()));
        ImageLinter linter = new ImageLinter(engine, resolvers);
        List<ReportOptions.Linted> results = new ArrayList<>();
        try (ImageSources sources = imageOptions.sources(spec.commandLine())) {
            for (String name : images) {
                try (ImageSource source = sources.open(name)) {
                    results.add(new ReportOptions.Linted(linter.scan(source, config), config));
                } catch (ImageException e) {
                    results.add(ReportOptions.Linted.failed(ImageLinter.error(name, e)));
                }
            }
        }
        return report.finish(checked, results, List.of(), engine, spec.commandLine(), "no image to scan");
    }
}
