package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.InitReplaced;

/** IG110: ENTRYPOINT replaces an init the base image or an earlier stage provided. Doc: docs/rules/IG110.md. */
@RuleInfo(id = "IG110", severity = Severity.ERROR, summary = "ENTRYPOINT replaces an init the base image or an earlier stage provided")
public final class IG110EntrypointReplacesInit extends ObservationRule<InitReplaced> {
    public IG110EntrypointReplacesInit() {
        super(InitReplaced.class, "dockerfile");
    }

    @Override
    protected String message(InitReplaced r) {
        return "this ENTRYPOINT replaces `" + r.init() + "`, the init of the " + r.provider()
                + "; keep it in front: ENTRYPOINT [\"" + r.init() + "\", \"--\", ...]";
    }
}
