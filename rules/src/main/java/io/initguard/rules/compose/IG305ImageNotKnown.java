package io.initguard.rules.compose;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.UnknownBaseImage;

/** IG305: The image is not known, so PID 1 is unknown. Doc: docs/rules/IG305.md. */
@RuleInfo(id = "IG305", severity = Severity.INFO, summary = "The image is not known, so PID 1 is unknown")
public final class IG305ImageNotKnown extends ObservationRule<UnknownBaseImage> {
    public IG305ImageNotKnown() {
        super(UnknownBaseImage.class, ContainerTarget.COMPOSE_SERVICE);
    }

    @Override
    protected String message(UnknownBaseImage o) {
        return "the image `" + o.image() + "`: " + o.reason() + ", so what it runs as PID 1 is unknown; set"
                + " `entrypoint` or init: true, describe the image under base-images in .initguard.yaml, or use"
                + " --resolve-images";
    }
}
