package io.initguard.core.engine;

import io.initguard.core.model.Location;
import io.initguard.core.resolve.Resolution;

import java.util.Locale;
import java.util.Set;

/**
 * A container an orchestrator starts: a compose service, a Kubernetes container, or an image scanned as it is.
 *
 * @param kind      {@link #COMPOSE_SERVICE}, {@link #K8S_CONTAINER} or {@link #IMAGE}
 * @param name      the service name, {@code Kind/name/container}, or the image reference
 * @param location  where the container is named (its service key, its {@code name:} line)
 * @param commandAt where its own command is set ({@code entrypoint:}/{@code command:}), or null
 * @param ignored   rule IDs the input suppresses for this container (comments, annotations), upper case
 */
public record ContainerTarget(String file, String kind, String name, Resolution resolution, Location location,
                              Location commandAt, Set<String> ignored) implements LintTarget {
    public static final String COMPOSE_SERVICE = "compose-service";
    public static final String K8S_CONTAINER = "k8s-container";
    public static final String IMAGE = "image";

    public ContainerTarget {
        ignored = Set.copyOf(ignored);
    }

    /** Where a finding about the container's PID 1 as a whole goes: its command if it sets one, else its name. */
    public Location pid1Location() {
        return commandAt != null ? commandAt : location;
    }

    @Override
    public boolean suppressed(String ruleId, int line) {
        return ignored.contains(ruleId.toUpperCase(Locale.ROOT));
    }
}
