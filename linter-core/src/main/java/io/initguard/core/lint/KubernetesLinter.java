package io.initguard.core.lint;

import io.initguard.core.config.Config;
import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.kubernetes.KubernetesFile;
import io.initguard.core.kubernetes.PodContainer;
import io.initguard.core.kubernetes.Workload;
import io.initguard.core.model.TargetReport;
import io.initguard.core.resolve.CommandOverride;
import io.initguard.core.resolve.ContainerImage;
import io.initguard.core.resolve.ContainerResolver;
import io.initguard.core.resolve.Resolution;
import io.initguard.core.resolve.RuntimeInit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lints Kubernetes manifests: a target per container (init containers aside), named {@code Kind/name/container}.
 * Annotations on the object or its pod template suppress rules: {@code initguard.io/ignore: "IG201,IG203"} for
 * every container, {@code initguard.io/ignore.<container>: "IG201"} for one.
 */
public final class KubernetesLinter {
    public static final String IGNORE_ANNOTATION = "initguard.io/ignore";

    private final LintEngine engine;
    private final Resolvers resolvers;

    public KubernetesLinter(LintEngine engine, Resolvers resolvers) {
        this.engine = engine;
        this.resolvers = resolvers;
    }

    /** Lints one YAML file (several documents, lists); broken documents are errors, the others still linted. */
    public LintOutcome lint(String file, String content, Config config) {
        Resolvers.ForConfig r = resolvers.of(config);
        KubernetesFile parsed = r.kubernetes().parse(file, content);
        List<TargetReport> reports = new ArrayList<>();
        for (Workload w : parsed.workloads()) {
            for (PodContainer c : w.containers()) {
                reports.add(engine.check(target(file, w, c, r.containers()), config.rules()));
            }
        }
        return new LintOutcome(reports, parsed.errors());
    }

    static ContainerTarget target(String file, Workload w, PodContainer c, ContainerResolver containers) {
        ContainerImage image = containers.image(c.image(), c.imageAt() != null ? c.imageAt() : c.nameAt());
        CommandOverride command = c.command().isEmpty() ? null
                : new CommandOverride("command", c.command(), c.commandAt());
        CommandOverride args = c.args().isEmpty() ? null : new CommandOverride("args", c.args(), c.argsAt());
        Resolution resolution = containers.resolve(image, command, args,
                w.shareProcessNamespace() ? RuntimeInit.POD_PAUSE : RuntimeInit.NONE, w.shareAt(), c.nameAt());
        return new ContainerTarget(file, ContainerTarget.K8S_CONTAINER, w.kind() + "/" + w.name() + "/" + c.name(),
                resolution, c.nameAt(), command != null ? command.location() : null, ignored(w, c.name()));
    }

    private static Set<String> ignored(Workload w, String container) {
        Set<String> ids = new HashSet<>();
        for (String key : List.of(IGNORE_ANNOTATION, IGNORE_ANNOTATION + "." + container)) {
            String v = w.annotations().get(key);
            if (v == null) continue;
            Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank())
                    .forEach(s -> ids.add(s.trim().toUpperCase(Locale.ROOT)));
        }
        return ids;
    }
}
