package io.initguard.core.dockerfile;

import io.initguard.core.model.Location;

/** An instruction flag such as {@code --platform=linux/amd64} or {@code --chmod=755}; value null for {@code --link}. */
public record Flag(String name, String value, Location location) {
}
