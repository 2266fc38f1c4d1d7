package io.initguard.core.lint;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.Config;
import io.initguard.core.kubernetes.KubernetesParser;
import io.initguard.core.kubernetes.PodTemplatePath;
import io.initguard.core.resolve.ContainerResolver;
import io.initguard.core.resolve.DockerfileResolver;
import io.initguard.core.resolve.ImageResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolvers a config calls for: its catalogues over the built-in ones, its image resolver, its pod-template
 * kinds. Made once per config and shared by every file it applies to.
 */
public final class Resolvers {
    /** How a config's images are looked up, given its merged catalogues. */
    @FunctionalInterface
    public interface ImageResolverFactory {
        ImageResolver create(Catalogs catalogs, Config config);

        /** The base-image catalogue only. */
        ImageResolverFactory CATALOGUE = (catalogs, config) -> ImageResolver.catalog(catalogs.baseImages());
    }

    /** The resolvers for one config. */
    public record ForConfig(Catalogs catalogs, DockerfileResolver dockerfiles, ContainerResolver containers,
                            KubernetesParser kubernetes) {
    }

    private final Catalogs builtin;
    private final ImageResolverFactory images;
    private final Map<Config, ForConfig> made = new ConcurrentHashMap<>();

    public Resolvers(Catalogs builtin, ImageResolverFactory images) {
        this.builtin = builtin;
        this.images = images;
    }

    public Resolvers(Catalogs builtin) {
        this(builtin, ImageResolverFactory.CATALOGUE);
    }

    public ForConfig of(Config config) {
        return made.computeIfAbsent(config, c -> {
            Catalogs catalogs = builtin.merge(c.extra());
            ImageResolver resolver = images.create(catalogs, c);
            List<PodTemplatePath> kinds = new ArrayList<>(c.podTemplates());
            kinds.addAll(PodTemplatePath.builtin());
            return new ForConfig(catalogs, new DockerfileResolver(catalogs, resolver),
                    new ContainerResolver(catalogs.inits(), resolver), new KubernetesParser(kinds));
        });
    }
}
