package io.initguard.rules.compose;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.InitReplaced;

/** IG302: entrypoint replaces an image ENTRYPOINT that started an init. Doc: docs/rules/IG302.md. */
@RuleInfo(id = "IG302", severity = Severity.ERROR, summary = "entrypoint replaces an image ENTRYPOINT that started an init")
public final class IG302EntrypointReplacesImageInit extends ObservationRule<InitReplaced> {
    public IG302EntrypointReplacesImageInit() {
        super(InitReplaced.class, ContainerTarget.COMPOSE_SERVICE);
    }

    @Override
    protected String message(InitReplaced o) {
        return "`entrypoint` replaces the image ENTRYPOINT, which started `" + o.init() + "` (" + o.provider()
                + "); keep the init in front (entrypoint: [\"" + o.init() + "\", \"--\", ...]), set only `command`,"
                + " or set init: true";
    }
}
