package io.initguard.core.model;

import java.util.List;

/**
 * The result for one target: a Dockerfile's target stage, a compose service, a Kubernetes container, an image.
 *
 * @param file  the path as given on the command line (joined with the path found under a folder)
 * @param kind  {@code dockerfile}, {@code compose-service}, {@code k8s-container} or {@code image}
 * @param name  the stage name or index, service name, {@code Kind/name/container}, or image reference
 * @param chain how PID 1 comes about, and the verdict
 */
public record TargetReport(String file, String kind, String name, Pid1Chain chain, List<Finding> findings) {
    public TargetReport {
        findings = List.copyOf(findings);
    }
}
