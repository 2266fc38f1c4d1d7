package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG105: The entrypoint script runs the command without exec. Doc: docs/rules/IG105.md. */
@RuleInfo(id = "IG105", severity = Severity.WARNING, summary = "The entrypoint script runs the command without exec")
public final class IG105ScriptWithoutExec implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        for (Observation.ScriptWithoutExec s : t.resolution().all(Observation.ScriptWithoutExec.class)) {
            out.report(s.location(), "the entrypoint script `" + s.script() + "` runs " + s.command()
                    + " as its child and stays PID 1; end it with `exec \"$@\"`");
        }
    }
}
