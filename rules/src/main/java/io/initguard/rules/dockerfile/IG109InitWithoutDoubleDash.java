package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.InitWithoutDoubleDash;

/** IG109: An init is called without -- before its command. Doc: docs/rules/IG109.md. */
@RuleInfo(id = "IG109", severity = Severity.WARNING, summary = "An init is called without -- before its command")
public final class IG109InitWithoutDoubleDash extends ObservationRule<InitWithoutDoubleDash> {
    public IG109InitWithoutDoubleDash() {
        super(InitWithoutDoubleDash.class, "dockerfile");
    }

    @Override
    protected String message(InitWithoutDoubleDash d) {
        return "`" + d.init() + "` is given the command `" + d.command() + "` without `--`;"
                + " options of the command may be taken as the init's own; put `--` before the command";
    }
}
