package io.initguard.core.compose;

import io.initguard.core.model.Location;

import java.util.Optional;
import java.util.Set;

/**
 * One service of a compose file, reduced to what decides its PID 1.
 *
 * @param name         the service's key
 * @param location     the line of the service's key
 * @param image        {@code image:}, or null when unset
 * @param build        {@code build:}, or null when unset
 * @param entrypoint   {@code entrypoint:}; empty when unset, present with no words for an explicit empty override
 * @param command      {@code command:}; same convention as {@code entrypoint}
 * @param init         {@code init:}, or null when unset
 * @param ignoredRules rule IDs (upper case) from {@code # initguard ignore=...} comments just above the key
 */
public record ComposeService(String name, Location location, String image, Build build,
                             Optional<CommandSpec> entrypoint, Optional<CommandSpec> command, Boolean init,
                             Set<String> ignoredRules) {
    public ComposeService {
        ignoredRules = Set.copyOf(ignoredRules);
    }
}
