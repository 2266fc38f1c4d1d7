package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.VariableInExecForm;

/** IG108: A variable in exec form is never expanded. Doc: docs/rules/IG108.md. */
@RuleInfo(id = "IG108", severity = Severity.ERROR, summary = "A variable in exec form is never expanded")
public final class IG108VariableInExecForm extends ObservationRule<VariableInExecForm> {
    public IG108VariableInExecForm() {
        super(VariableInExecForm.class, "dockerfile");
    }

    @Override
    protected String message(VariableInExecForm v) {
        return v.instruction() + " exec form passes `" + v.argument() + "` literally: exec"
                + " form expands no variables; write the value, or use shell form with `exec`";
    }
}
