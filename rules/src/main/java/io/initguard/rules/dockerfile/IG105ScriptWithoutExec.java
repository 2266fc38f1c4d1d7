package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.ScriptWithoutExec;

/** IG105: The entrypoint script runs the command without exec. Doc: docs/rules/IG105.md. */
@RuleInfo(id = "IG105", severity = Severity.WARNING, summary = "The entrypoint script runs the command without exec")
public final class IG105ScriptWithoutExec extends ObservationRule<ScriptWithoutExec> {
    public IG105ScriptWithoutExec() {
        super(ScriptWithoutExec.class, "dockerfile");
    }

    @Override
    protected String message(ScriptWithoutExec s) {
        return "the entrypoint script `" + s.script() + "` runs " + s.command()
                + " as its child and stays PID 1; end it with `exec \"$@\"`";
    }
}
