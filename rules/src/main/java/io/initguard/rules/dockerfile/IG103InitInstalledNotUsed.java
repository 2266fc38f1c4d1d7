package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG103: An init is installed but not used. Doc: docs/rules/IG103.md. */
@RuleInfo(id = "IG103", severity = Severity.WARNING, summary = "An init is installed but not used")
public final class IG103InitInstalledNotUsed implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        if (t.resolution().chain().verdict() == Verdict.INIT) return;
        java.util.Set<String> inChain = new java.util.HashSet<>();
        t.resolution().all(Observation.InitNotPid1.class).forEach(o -> inChain.add(o.init()));
        t.resolution().all(Observation.InitReplaced.class).forEach(o -> inChain.add(o.init()));
        java.util.Set<String> said = new java.util.HashSet<>();
        for (Observation.InitInstalled i : t.resolution().all(Observation.InitInstalled.class)) {
            if (inChain.contains(i.init()) || !said.add(i.init())) continue;
            out.report(i.location(), "`" + i.init() + "` is installed (" + i.how() + ") but is not PID 1;"
                    + " make it the ENTRYPOINT, e.g. ENTRYPOINT [\"" + i.init() + "\", \"--\"]");
        }
    }
}
