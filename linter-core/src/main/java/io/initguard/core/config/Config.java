package io.initguard.core.config;

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
 */
public record Config(Path source, Map<String, RuleSetting> rules, Severity failureThreshold, Catalogs extra) {
    public Config {
        rules = Map.copyOf(rules);
    }
}
