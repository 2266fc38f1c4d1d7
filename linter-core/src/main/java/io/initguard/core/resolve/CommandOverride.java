package io.initguard.core.resolve;

import io.initguard.core.model.Location;

import java.util.List;

/**
 * A container's own command, replacing the image's ENTRYPOINT ({@code entrypoint:} in compose, {@code command:} in
 * Kubernetes) or CMD ({@code command:} in compose, {@code args:} in Kubernetes).
 *
 * @param field    the key as the input names it, for the chain
 * @param words    the words (empty: an explicit empty override)
 * @param location where the key is
 */
public record CommandOverride(String field, List<String> words, Location location) {
    public CommandOverride {
        words = List.copyOf(words);
    }
}
