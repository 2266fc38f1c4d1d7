package io.initguard.rules.image;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.rules.common.NoInitContainerRule;

/** IG401: an image has no init as PID 1. Doc: docs/rules/IG401.md. */
@RuleInfo(id = "IG401", severity = Severity.ERROR, summary = "Image has no init as PID 1")
public final class IG401NoInitIsPid1 extends NoInitContainerRule {
    public IG401NoInitIsPid1() {
        super(ContainerTarget.IMAGE);
    }

    @Override
    protected String cure() {
        return "rebuild it with an init as ENTRYPOINT (ENTRYPOINT [\"/usr/bin/tini\", \"--\"]), run it with"
                + " docker run --init, or add one with initguard inject";
    }
}
