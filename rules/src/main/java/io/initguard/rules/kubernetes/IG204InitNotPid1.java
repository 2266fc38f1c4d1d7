package io.initguard.rules.kubernetes;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.InitNotPid1;

/** IG204: An init runs, but not as PID 1. Doc: docs/rules/IG204.md. */
@RuleInfo(id = "IG204", severity = Severity.ERROR, summary = "An init runs, but not as PID 1")
public final class IG204InitNotPid1 extends ObservationRule<InitNotPid1> {
    public IG204InitNotPid1() {
        super(InitNotPid1.class, ContainerTarget.K8S_CONTAINER);
    }

    @Override
    protected String message(InitNotPid1 o) {
        return "`" + o.init() + "` runs as a child of `" + o.parent() + "`, which stays PID 1; the init cannot"
                + " reap orphans or receive signals there; make it the first word of `command`, or `exec` it";
    }
}
