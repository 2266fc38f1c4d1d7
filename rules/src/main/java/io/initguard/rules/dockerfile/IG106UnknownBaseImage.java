package io.initguard.rules.dockerfile;

import io.initguard.core.engine.DockerfileTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Observation;

/** IG106: The base image is unknown, so PID 1 is unknown. Doc: docs/rules/IG106.md. */
@RuleInfo(id = "IG106", severity = Severity.INFO, summary = "The base image is unknown, so PID 1 is unknown")
public final class IG106UnknownBaseImage implements Rule {
    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof DockerfileTarget t)) return;
        for (Observation.UnknownBaseImage u : t.resolution().all(Observation.UnknownBaseImage.class)) {
            out.report(u.location(), "the base image `" + u.image() + "` is " + u.reason()
                    + ", so what it runs as PID 1 is unknown; set ENTRYPOINT in this Dockerfile, or describe the"
                    + " image under base-images in .initguard.yaml");
        }
    }
}
