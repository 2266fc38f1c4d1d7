package io.initguard.rules.compose;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.ShellStaysPid1;

/** IG303: A shell stays PID 1 and will not forward signals. Doc: docs/rules/IG303.md. */
@RuleInfo(id = "IG303", severity = Severity.WARNING, summary = "A shell stays PID 1 and will not forward signals")
public final class IG303ShellStaysPid1 extends ObservationRule<ShellStaysPid1> {
    public IG303ShellStaysPid1() {
        super(ShellStaysPid1.class, ContainerTarget.COMPOSE_SERVICE);
    }

    @Override
    protected String message(ShellStaysPid1 o) {
        return "`" + o.shell() + "` stays PID 1 and runs `" + o.command() + "` as its child, so SIGTERM never"
                + " reaches it; `exec` the command in the string, give it as a list, or set init: true";
    }
}
