package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG108: A variable in exec form is never expanded. Doc: docs/rules/IG108.md. */
@RuleInfo(id = "IG108", severity = Severity.ERROR, summary = "A variable in exec form is never expanded")
public final class IG108VariableInExecForm implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        for (Observation.VariableInExecForm v : t.resolution().all(Observation.VariableInExecForm.class)) {
            out.report(v.location(), v.instruction() + " exec form passes `" + v.argument() + "` literally: exec"
                    + " form expands no variables; write the value, or use shell form with `exec`");
        }
    }
}
