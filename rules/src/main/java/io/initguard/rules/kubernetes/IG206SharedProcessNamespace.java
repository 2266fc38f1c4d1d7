package io.initguard.rules.kubernetes;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.SharedProcessNamespace;

/** IG206: shareProcessNamespace makes the pause container PID 1. Doc: docs/rules/IG206.md. */
@RuleInfo(id = "IG206", severity = Severity.INFO, summary = "shareProcessNamespace makes the pause container PID 1")
public final class IG206SharedProcessNamespace extends ObservationRule<SharedProcessNamespace> {
    public IG206SharedProcessNamespace() {
        super(SharedProcessNamespace.class, ContainerTarget.K8S_CONTAINER);
    }

    @Override
    protected String message(SharedProcessNamespace o) {
        return "shareProcessNamespace: true makes the pause container PID 1, which reaps orphans; the price: every"
                + " container sees the others' processes and, through /proc/PID/root, their file systems, and"
                + " signals from `kubectl exec` can reach them; an init in each container avoids that";
    }
}
