package io.initguard.core.compose;

import io.initguard.core.model.Location;

import java.util.List;

/**
 * A service's {@code command:} or {@code entrypoint:} as words. A YAML list is kept as it is; a string is split
 * into words like a shell would, but compose runs no shell for it ({@code fromString} records which form it was).
 * No words means an explicit empty override ({@code []} or {@code ""}).
 */
public record CommandSpec(List<String> words, boolean fromString, Location location) {
    public CommandSpec {
        words = List.copyOf(words);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }
}
