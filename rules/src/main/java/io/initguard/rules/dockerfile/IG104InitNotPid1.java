package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG104: An init runs, but not as PID 1. Doc: docs/rules/IG104.md. */
@RuleInfo(id = "IG104", severity = Severity.ERROR, summary = "An init runs, but not as PID 1")
public final class IG104InitNotPid1 implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        for (Observation.InitNotPid1 i : t.resolution().all(Observation.InitNotPid1.class)) {
            out.report(i.location(), "`" + i.init() + "` runs as a child of `" + i.parent() + "`, which stays PID 1;"
                    + " the init cannot reap orphans or receive signals there; exec it (`exec " + i.init()
                    + " -- ...`) or make it the ENTRYPOINT in exec form");
        }
    }
}
