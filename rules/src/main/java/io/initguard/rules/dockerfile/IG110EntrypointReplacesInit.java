package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG110: ENTRYPOINT replaces an init the base image or an earlier stage provided. Doc: docs/rules/IG110.md. */
@RuleInfo(id = "IG110", severity = Severity.ERROR, summary = "ENTRYPOINT replaces an init the base image or an earlier stage provided")
public final class IG110EntrypointReplacesInit implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        for (Observation.InitReplaced r : t.resolution().all(Observation.InitReplaced.class)) {
            out.report(r.location(), "this ENTRYPOINT replaces `" + r.init() + "`, the init of the " + r.provider()
                    + "; keep it in front: ENTRYPOINT [\"" + r.init() + "\", \"--\", ...]");
        }
    }
}
