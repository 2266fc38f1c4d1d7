package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.InvalidJsonExecForm;

/** IG107: Exec form is not valid JSON and runs as shell form. Doc: docs/rules/IG107.md. */
@RuleInfo(id = "IG107", severity = Severity.ERROR, summary = "Exec form is not valid JSON and runs as shell form")
public final class IG107InvalidJsonExecForm extends ObservationRule<InvalidJsonExecForm> {
    public IG107InvalidJsonExecForm() {
        super(InvalidJsonExecForm.class, "dockerfile");
    }

    @Override
    protected String message(InvalidJsonExecForm i) {
        return i.instruction() + " looks like exec form but is not valid JSON (" + i.text()
                + "), so Docker runs it through /bin/sh -c; use double quotes: [\"a\", \"b\"]";
    }
}
