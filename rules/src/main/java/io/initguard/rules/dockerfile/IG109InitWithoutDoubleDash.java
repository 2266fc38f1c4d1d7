package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG109: An init is called without -- before its command. Doc: docs/rules/IG109.md. */
@RuleInfo(id = "IG109", severity = Severity.WARNING, summary = "An init is called without -- before its command")
public final class IG109InitWithoutDoubleDash implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        for (Observation.InitWithoutDoubleDash d : t.resolution().all(Observation.InitWithoutDoubleDash.class)) {
            out.report(d.location(), "`" + d.init() + "` is given the command `" + d.command() + "` without `--`;"
                    + " options of the command may be taken as the init's own; put `--` before the command");
        }
    }
}
