package io.initguard.core.config;

import io.initguard.core.kubernetes.PodTemplatePath;
import java.util.List;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.engine.RuleSetting;
import io.initguard.core.model.Severity;

import java.nio.file.Path;
import java.util.Map;

/**
 * The settings of one {@code .initguard.yaml}.
 *
 * @param source           the file, or null for the defaults
 * @param rules            per rule ID: enabled and severity
 * @param failureThreshold the threshold from the file, or null (the command line decides, default error)
 * @param extra            base images and inits the file adds to the built-in catalogues (may be empty catalogues)
 * @param podTemplates     where more kinds (CRDs) keep their pod template, before the built-in ones
 * @param resolveImages    {@code resolve-images:} from the file, or null (the command line decides, default off)
 */
public record Config(Path source, Map<String, RuleSetting> rules, Severity failureThreshold, Catalogs extra,
                     List<PodTemplatePath> podTemplates, Boolean resolveImages) {
    public Config {
        rules = Map.copyOf(rules);
        podTemplates = List.copyOf(podTemplates);
    }

    public Config(Path source, Map<String, RuleSetting> rules, Severity failureThreshold, Catalogs extra) {
        this(source, rules, failureThreshold, extra, List.of(), null);
    }
}
