package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;

/**
 * IG101: No init is PID 1. Doc: docs/rules/IG101.md. Fires on every target whose verdict is no-init, beside the more
 * specific rules, on the target stage's ENTRYPOINT line, else its CMD line, else its FROM line.
 */
@RuleInfo(id = "IG101", severity = Severity.ERROR, summary = "No init is PID 1")
public final class IG101NoInitIsPid1 implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t) || t.resolution().chain().verdict() != Verdict.NO_INIT) return;
        String pid1 = t.resolution().chain().pid1();
        out.report(t.pid1Location(), "PID 1 is " + (pid1 == null ? "not an init" : "`" + pid1 + "`, not an init")
                + ": orphans are not reaped and SIGTERM may be ignored; run an init such as tini as ENTRYPOINT"
                + " (ENTRYPOINT [\"/usr/bin/tini\", \"--\"]) or start the container with --init");
    }
}
