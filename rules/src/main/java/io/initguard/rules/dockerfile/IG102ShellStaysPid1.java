package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG102: A shell stays PID 1 and will not forward signals. Doc: docs/rules/IG102.md. */
@RuleInfo(id = "IG102", severity = Severity.WARNING, summary = "A shell stays PID 1 and will not forward signals")
public final class IG102ShellStaysPid1 implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        for (Observation.ShellStaysPid1 s : t.resolution().all(Observation.ShellStaysPid1.class)) {
            out.report(s.location(), "`" + s.shell() + "` stays PID 1 and runs `" + s.command() + "` as its child,"
                    + " so SIGTERM never reaches it; use exec form ([\"cmd\", \"arg\"]) or `exec cmd`");
        }
    }
}
