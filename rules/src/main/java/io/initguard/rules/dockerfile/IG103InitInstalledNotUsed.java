package io.initguard.rules.dockerfile;

import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation.InitInstalled;
import io.initguard.core.resolve.Observation.InitNotPid1;
import io.initguard.core.resolve.Observation.InitReplaced;

import java.util.HashSet;
import java.util.Set;

/**
 * IG103: An init is installed but not used. Doc: docs/rules/IG103.md. Said once per init, and not for an init that
 * IG104 (runs, but not as PID 1) or IG110 (replaced) already names.
 */
@RuleInfo(id = "IG103", severity = Severity.WARNING, summary = "An init is installed but not used")
public final class IG103InitInstalledNotUsed implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!target.kind().equals("dockerfile") || target.resolution().chain().verdict() == Verdict.INIT) return;
        Set<String> named = new HashSet<>();
        target.resolution().all(InitNotPid1.class).forEach(o -> named.add(o.init()));
        target.resolution().all(InitReplaced.class).forEach(o -> named.add(o.init()));
        for (InitInstalled i : target.resolution().all(InitInstalled.class)) {
            if (!named.add(i.init())) continue;
            out.report(i.location(), "`" + i.init() + "` is installed (" + i.how() + ") but is not PID 1;"
                    + " make it the ENTRYPOINT, e.g. ENTRYPOINT [\"" + i.init() + "\", \"--\"]");
        }
    }
}
