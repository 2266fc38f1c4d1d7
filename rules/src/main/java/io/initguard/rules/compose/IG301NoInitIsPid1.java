package io.initguard.rules.compose;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.rules.common.NoInitContainerRule;

/** IG301: a compose service has no init as PID 1. Doc: docs/rules/IG301.md. */
@RuleInfo(id = "IG301", severity = Severity.ERROR, summary = "Service has no init as PID 1")
public final class IG301NoInitIsPid1 extends NoInitContainerRule {
    public IG301NoInitIsPid1() {
        super(ContainerTarget.COMPOSE_SERVICE);
    }

    @Override
    protected String cure() {
        return "set init: true on the service, or start it with an init (entrypoint: [\"tini\", \"--\"])";
    }
}
