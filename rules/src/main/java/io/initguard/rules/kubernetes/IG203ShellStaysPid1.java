package io.initguard.rules.kubernetes;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.ShellStaysPid1;

/** IG203: A shell stays PID 1 and will not forward signals. Doc: docs/rules/IG203.md. */
@RuleInfo(id = "IG203", severity = Severity.WARNING, summary = "A shell stays PID 1 and will not forward signals")
public final class IG203ShellStaysPid1 extends ObservationRule<ShellStaysPid1> {
    public IG203ShellStaysPid1() {
        super(ShellStaysPid1.class, ContainerTarget.K8S_CONTAINER);
    }

    @Override
    protected String message(ShellStaysPid1 o) {
        return "`" + o.shell() + "` stays PID 1 and runs `" + o.command() + "` as its child, so SIGTERM never"
                + " reaches it; `exec` the command in the string, or give it as a list without a shell";
    }
}
