package io.initguard.core.resolve;

/** An init that the runtime puts in front of the container's command, whatever the image says. */
public enum RuntimeInit {
    /** None: the container's command is PID 1. */
    NONE,
    /** Compose {@code init: true}, {@code docker run --init}: Docker starts its docker-init (tini) as PID 1. */
    DOCKER_INIT,
    /** Kubernetes {@code shareProcessNamespace: true}: the pod's pause container is PID 1 of the shared namespace. */
    POD_PAUSE
}
