package io.initguard.core.kubernetes;

import io.initguard.core.model.Location;

import java.util.List;

/**
 * One container of a pod spec, as fabric8's {@code Container} gives it, with where its keys are.
 *
 * @param command   {@code command}, replacing the image ENTRYPOINT; empty when unset (Kubernetes does not tell an
 *                  empty list from none)
 * @param args      {@code args}, replacing the image CMD; empty when unset
 * @param nameAt    the {@code name:} key (or the container's first key)
 * @param imageAt   the {@code image:} key, or null
 * @param commandAt the {@code command:} key, or null
 * @param argsAt    the {@code args:} key, or null
 */
public record PodContainer(String name, String image, List<String> command, List<String> args, Location nameAt,
                           Location imageAt, Location commandAt, Location argsAt) {
    public PodContainer {
        command = List.copyOf(command);
        args = List.copyOf(args);
    }
}
