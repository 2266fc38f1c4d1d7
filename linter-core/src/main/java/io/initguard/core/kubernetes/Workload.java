package io.initguard.core.kubernetes;

import io.initguard.core.model.Location;

import java.util.List;
import java.util.Map;

/**
 * An object that runs pods (a Pod, a Deployment, a CronJob, a CRD with a pod template), as far as PID 1 goes.
 *
 * @param kind                  {@code Deployment}
 * @param name                  {@code metadata.name} (or {@code generateName}, or {@code (unnamed)})
 * @param location              the object's {@code kind:} line
 * @param annotations           the object's annotations with its pod template's on top
 * @param shareProcessNamespace whether the pod spec sets {@code shareProcessNamespace: true}
 * @param shareAt               where it does, or null
 * @param containers            the containers (not the init containers), in order
 */
public record Workload(String kind, String name, Location location, Map<String, String> annotations,
                       boolean shareProcessNamespace, Location shareAt, List<PodContainer> containers) {
    public Workload {
        annotations = Map.copyOf(annotations);
        containers = List.copyOf(containers);
    }
}
