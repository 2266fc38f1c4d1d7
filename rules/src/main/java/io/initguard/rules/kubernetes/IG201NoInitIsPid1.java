package io.initguard.rules.kubernetes;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.rules.common.NoInitContainerRule;

/** IG201: a Kubernetes container has no init as PID 1. Doc: docs/rules/IG201.md. */
@RuleInfo(id = "IG201", severity = Severity.ERROR, summary = "Container has no init as PID 1")
public final class IG201NoInitIsPid1 extends NoInitContainerRule {
    public IG201NoInitIsPid1() {
        super(ContainerTarget.K8S_CONTAINER);
    }

    @Override
    protected String cure() {
        return "start the command with an init (command: [\"tini\", \"--\", ...]) or set"
                + " shareProcessNamespace: true on the pod";
    }
}
