package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.InitNotPid1;

/** IG104: An init runs, but not as PID 1. Doc: docs/rules/IG104.md. */
@RuleInfo(id = "IG104", severity = Severity.ERROR, summary = "An init runs, but not as PID 1")
public final class IG104InitNotPid1 extends ObservationRule<InitNotPid1> {
    public IG104InitNotPid1() {
        super(InitNotPid1.class, "dockerfile");
    }

    @Override
    protected String message(InitNotPid1 i) {
        return "`" + i.init() + "` runs as a child of `" + i.parent() + "`, which stays PID 1;"
                + " the init cannot reap orphans or receive signals there; exec it (`exec " + i.init()
                + " -- ...`) or make it the ENTRYPOINT in exec form";
    }
}
