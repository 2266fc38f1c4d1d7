package io.initguard.core.engine;

import io.initguard.core.resolve.Resolution;

/** One thing that gets a PID-1 verdict: a Dockerfile's target stage, a compose service, a Kubernetes container, an image. */
public sealed interface LintTarget permits DockerfileTarget, ContainerTarget {
    /** The path as reported. */
    String file();

    /** {@code dockerfile}, {@code compose-service}, {@code k8s-container}, {@code image}. */
    String kind();

    /** The target's name within its file. */
    String name();

    Resolution resolution();

    /** Whether a finding of {@code ruleId} at {@code line} is suppressed by the input's own comments or annotations. */
    boolean suppressed(String ruleId, int line);
}
