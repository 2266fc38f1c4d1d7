package io.initguard.core.lint;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.Config;
import io.initguard.core.dockerfile.Dockerfile;
import io.initguard.core.dockerfile.DockerfileParser;
import io.initguard.core.dockerfile.DockerfileSyntaxException;
import io.initguard.core.dockerfile.Stage;
import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.model.LintError;
import io.initguard.core.resolve.DockerfileResolver;
import io.initguard.core.resolve.Resolution;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Parses a Dockerfile, resolves its target stage and runs the rules: the whole job for one Dockerfile. */
public final class DockerfileLinter {
    private final LintEngine engine;
    private final Resolvers resolvers;

    public DockerfileLinter(LintEngine engine, Catalogs builtin) {
        this(engine, new Resolvers(builtin));
    }

    public DockerfileLinter(LintEngine engine, Resolvers resolvers) {
        this.engine = engine;
        this.resolvers = resolvers;
    }

    /**
     * @param file        the path as reported
     * @param content     the Dockerfile's text
     * @param context     the build context folder, or null (standard input)
     * @param targetStage the stage to resolve ({@code --target}), or null for the last
     */
    public LintOutcome lint(String file, String content, Path context, String targetStage, Config config) {
        Dockerfile df;
        try {
            df = DockerfileParser.parse(file, content);
        } catch (DockerfileSyntaxException e) {
            return LintOutcome.failed(e.toError());
        }
        List<Stage> stages = df.stages();
        if (stages.isEmpty()) return LintOutcome.failed(new LintError(file, 1, 1, "no FROM instruction"));
        Optional<Stage> target = targetStage == null ? Optional.of(stages.getLast()) : Stage.find(stages, targetStage, stages.size());
        if (target.isEmpty()) {
            return LintOutcome.failed(new LintError(file, 0, 0, "no stage named '" + targetStage + "' (stages: "
                    + String.join(", ", stages.stream().map(Stage::displayName).toList()) + ")"));
        }
        DockerfileResolver resolver = resolvers.of(config).dockerfiles();
        Resolution r = resolver.resolve(df, stages, target.get(), context);
        return LintOutcome.of(List.of(engine.check(new DockerfileTarget(file, df, target.get(), r),
                config.rules())));
    }
}
