package io.initguard.rules.compose;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.InitNotPid1;

/** IG304: An init runs, but not as PID 1. Doc: docs/rules/IG304.md. */
@RuleInfo(id = "IG304", severity = Severity.ERROR, summary = "An init runs, but not as PID 1")
public final class IG304InitNotPid1 extends ObservationRule<InitNotPid1> {
    public IG304InitNotPid1() {
        super(InitNotPid1.class, ContainerTarget.COMPOSE_SERVICE);
    }

    @Override
    protected String message(InitNotPid1 o) {
        return "`" + o.init() + "` runs as a child of `" + o.parent() + "`, which stays PID 1; the init cannot"
                + " reap orphans or receive signals there; make it the first word of `entrypoint`, or set init: true";
    }
}
