package io.initguard.rules.image;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation.InitInstalled;
import io.initguard.core.resolve.Observation.InitNotPid1;

import java.util.HashSet;
import java.util.Set;

/** IG402: an init is in the image but is not PID 1. Doc: docs/rules/IG402.md. */
@RuleInfo(id = "IG402", severity = Severity.WARNING, summary = "An init is in the image but not used")
public final class IG402InitPresentNotUsed implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!target.kind().equals(ContainerTarget.IMAGE) || target.resolution().chain().verdict() == Verdict.INIT) {
            return;
        }
        Set<String> named = new HashSet<>();
        target.resolution().all(InitNotPid1.class).forEach(o -> named.add(o.init()));
        for (InitInstalled i : target.resolution().all(InitInstalled.class)) {
            if (!named.add(i.init())) continue;
            out.report(i.location(), "`" + i.init() + "` is in the image (" + i.how() + ") but is not PID 1;"
                    + " make it the ENTRYPOINT, e.g. ENTRYPOINT [\"" + i.init() + "\", \"--\"]");
        }
    }
}
