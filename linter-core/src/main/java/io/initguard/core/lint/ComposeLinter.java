package io.initguard.core.lint;

import io.initguard.core.compose.Build;
import io.initguard.core.compose.CommandSpec;
import io.initguard.core.compose.ComposeFile;
import io.initguard.core.compose.ComposeParser;
import io.initguard.core.compose.ComposeService;
import io.initguard.core.compose.ComposeSyntaxException;
import io.initguard.core.config.Config;
import io.initguard.core.dockerfile.Dockerfile;
import io.initguard.core.dockerfile.DockerfileParser;
import io.initguard.core.dockerfile.DockerfileSyntaxException;
import io.initguard.core.dockerfile.Stage;
import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.model.LintError;
import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain.Hop;
import io.initguard.core.model.TargetReport;
import io.initguard.core.resolve.CommandOverride;
import io.initguard.core.resolve.ContainerImage;
import io.initguard.core.resolve.ImageView;
import io.initguard.core.resolve.Resolution;
import io.initguard.core.resolve.RuntimeInit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lints compose files: a target per service, named by the service. {@code init: true} is an init (docker-init);
 * {@code build:} resolves the image from its Dockerfile (the {@code build.target} stage); otherwise the image is
 * looked up. {@code # initguard ignore=IG301} on the lines just above a service's key suppresses rules for it.
 */
public final class ComposeLinter {
    private final LintEngine engine;
    private final Resolvers resolvers;

    public ComposeLinter(LintEngine engine, Resolvers resolvers) {
        this.engine = engine;
        this.resolvers = resolvers;
    }

    /**
     * Lints one compose project: one file, or several {@code -f} files merged in order.
     *
     * @param files the files as reported, with their text; build contexts are relative to the first file's folder
     * @param dir   the project folder (the first file's), or null when there is none (standard input)
     */
    public LintOutcome lint(List<String> files, List<String> contents, Path dir, Config config) {
        List<ComposeFile> parsed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                parsed.add(ComposeParser.parse(files.get(i), contents.get(i), dir));
            } catch (ComposeSyntaxException e) {
                return LintOutcome.failed(e.toError());
            }
        }
        ComposeFile project = parsed.size() == 1 ? parsed.getFirst() : ComposeParser.merge(parsed);
        Resolvers.ForConfig r = resolvers.of(config);
        List<TargetReport> reports = new ArrayList<>();
        List<LintError> errors = new ArrayList<>();
        for (ComposeService s : project.services()) {
            ContainerImage image;
            try {
                image = image(s, dir, r);
            } catch (BuildError e) {
                errors.add(e.error);
                continue;
            }
            CommandOverride entrypoint = override("entrypoint", s.entrypoint());
            CommandOverride command = override("command", s.command());
            Resolution resolution = r.containers().resolve(image, entrypoint, command,
                    Boolean.TRUE.equals(s.init()) ? RuntimeInit.DOCKER_INIT : RuntimeInit.NONE, s.location());
            Location commandAt = entrypoint != null ? entrypoint.location()
                    : command != null ? command.location() : null;
            reports.add(engine.check(new ContainerTarget(project.file(), ContainerTarget.COMPOSE_SERVICE, s.name(),
                    resolution, s.location(), commandAt, s.ignoredRules()), config.rules()));
        }
        return new LintOutcome(reports, errors);
    }

    private static CommandOverride override(String field, Optional<CommandSpec> spec) {
        return spec.map(c -> new CommandOverride(field, c.words(), c.location())).orElse(null);
    }

    /** A build whose Dockerfile cannot be read or parsed. */
    private static final class BuildError extends Exception {
        final transient LintError error;

        BuildError(LintError error) {
            super(error.oneLine());
            this.error = error;
        }
    }

    private static ContainerImage image(ComposeService s, Path dir, Resolvers.ForConfig r) throws BuildError {
        Build b = s.build();
        if (b == null) return r.containers().image(s.image(), s.location());
        String name;
        String text;
        Path context = null;
        if (b.dockerfileInline() != null) {
            name = s.location().file() + " (" + s.name() + ".build.dockerfile_inline)";
            text = b.dockerfileInline();
            if (dir != null) context = dir.resolve(b.context()).normalize();
        } else {
            if (dir == null || b.context().contains("://") || b.context().startsWith("git@")) {
                String why = dir == null ? "the build context is not known (standard input)"
                        : "the build context " + b.context() + " is remote";
                return new ContainerImage.Unknown("built from " + b.context(), why, s.location(), ImageView.UNKNOWN,
                        List.of(new Hop("build: " + why, s.location())), List.of());
            }
            context = dir.resolve(b.context()).normalize();
            Path dockerfile = context.resolve(b.dockerfile()).normalize();
            name = Path.of(s.location().file()).resolveSibling(dir.relativize(dockerfile).toString()).toString();
            try {
                text = Files.readString(dockerfile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BuildError(new LintError(s.location().file(), s.location().line(), 0, "service " + s.name()
                        + ": cannot read its Dockerfile " + name + ": " + (Files.exists(dockerfile)
                        ? e.getMessage() : "no such file")));
            }
        }
        Dockerfile df;
        try {
            df = DockerfileParser.parse(name, text);
        } catch (DockerfileSyntaxException e) {
            throw new BuildError(e.toError());
        }
        List<Stage> stages = df.stages();
        if (stages.isEmpty()) throw new BuildError(new LintError(name, 1, 1, "no FROM instruction"));
        Optional<Stage> target = b.target() == null ? Optional.of(stages.getLast())
                : Stage.find(stages, b.target(), stages.size());
        if (target.isEmpty()) {
            throw new BuildError(new LintError(s.location().file(), s.location().line(), 0, "service " + s.name()
                    + ": no stage named '" + b.target() + "' in " + name));
        }
        return r.dockerfiles().build(df, stages, target.get(), context, "built from " + name);
    }
}
