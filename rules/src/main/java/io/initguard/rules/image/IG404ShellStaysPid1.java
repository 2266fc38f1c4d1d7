package io.initguard.rules.image;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.ShellStaysPid1;

/** IG404: a shell stays PID 1 of the image. Doc: docs/rules/IG404.md. */
@RuleInfo(id = "IG404", severity = Severity.WARNING, summary = "A shell stays PID 1 and will not forward signals")
public final class IG404ShellStaysPid1 extends ObservationRule<ShellStaysPid1> {
    public IG404ShellStaysPid1() {
        super(ShellStaysPid1.class, ContainerTarget.IMAGE);
    }

    @Override
    protected String message(ShellStaysPid1 s) {
        return "`" + s.shell() + "` stays PID 1 and runs `" + s.command() + "` as its child, so SIGTERM never"
                + " reaches it; rebuild with ENTRYPOINT/CMD in exec form or `exec` the command";
    }
}
