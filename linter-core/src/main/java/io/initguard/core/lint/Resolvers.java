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

    /** The resolvers for one config; the Kubernetes parser is made on first use (a YAML file of kinds to read). */
    public static final class ForConfig {
        private final Catalogs catalogs;
        private final DockerfileResolver dockerfiles;
        private final ContainerResolver containers;
        private final List<PodTemplatePath> extraKinds;
        private volatile KubernetesParser kubernetes;

        ForConfig(Catalogs catalogs, ImageResolver images, List<PodTemplatePath> extraKinds) {
            this.catalogs = catalogs;
            this.dockerfiles = new DockerfileResolver(catalogs, images);
            this.containers = new ContainerResolver(catalogs.inits(), images);
            this.extraKinds = List.copyOf(extraKinds);
        }

        public Catalogs catalogs() {
            return catalogs;
        }

        public DockerfileResolver dockerfiles() {
            return dockerfiles;
        }

        public ContainerResolver containers() {
            return containers;
        }

        /** Reads manifests with the config's pod-template kinds first, then the built-in ones. */
        public KubernetesParser kubernetes() {
            KubernetesParser k = kubernetes;
            if (k == null) {
                List<PodTemplatePath> kinds = new ArrayList<>(extraKinds);
                kinds.addAll(PodTemplatePath.builtin());
                kubernetes = k = new KubernetesParser(kinds);
            }
            return k;
        }
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
            return new ForConfig(catalogs, images.create(catalogs, c), c.podTemplates());
        });
    }
}
