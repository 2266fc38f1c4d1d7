package io.initguard.core.resolve;

import io.initguard.core.model.Location;

/**
 * An ENTRYPOINT or CMD as the image config holds it, with where it was set.
 *
 * @param argv     the command (shell form already wrapped in the SHELL of its stage)
 * @param origin   for people: {@code ENTRYPOINT of stage runtime}, {@code CMD of base image python:3.12-slim}
 * @param location the instruction that set it; null when it comes from a base image
 * @param shellForm it was written in shell form, so {@code argv} is the SHELL wrapping one command string
 */
public record ImageCommand(Argv argv, String origin, Location location, boolean shellForm) {
}
