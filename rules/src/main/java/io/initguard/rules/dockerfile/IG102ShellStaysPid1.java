package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.ShellStaysPid1;

/** IG102: A shell stays PID 1 and will not forward signals. Doc: docs/rules/IG102.md. */
@RuleInfo(id = "IG102", severity = Severity.WARNING, summary = "A shell stays PID 1 and will not forward signals")
public final class IG102ShellStaysPid1 extends ObservationRule<ShellStaysPid1> {
    public IG102ShellStaysPid1() {
        super(ShellStaysPid1.class, "dockerfile");
    }

    @Override
    protected String message(ShellStaysPid1 s) {
        return "`" + s.shell() + "` stays PID 1 and runs `" + s.command() + "` as its child,"
                + " so SIGTERM never reaches it; use exec form ([\"cmd\", \"arg\"]) or `exec cmd`";
    }
}
