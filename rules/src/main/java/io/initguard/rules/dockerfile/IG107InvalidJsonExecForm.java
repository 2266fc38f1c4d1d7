package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG107: Exec form is not valid JSON and runs as shell form. Doc: docs/rules/IG107.md. */
@RuleInfo(id = "IG107", severity = Severity.ERROR, summary = "Exec form is not valid JSON and runs as shell form")
public final class IG107InvalidJsonExecForm implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        for (Observation.InvalidJsonExecForm i : t.resolution().all(Observation.InvalidJsonExecForm.class)) {
            out.report(i.location(), i.instruction() + " looks like exec form but is not valid JSON (" + i.text()
                    + "), so Docker runs it through /bin/sh -c; use double quotes: [\"a\", \"b\"]");
        }
    }
}
