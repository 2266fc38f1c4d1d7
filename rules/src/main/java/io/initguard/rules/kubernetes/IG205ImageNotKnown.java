package io.initguard.rules.kubernetes;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.UnknownBaseImage;

/** IG205: The image is not known, so PID 1 is unknown. Doc: docs/rules/IG205.md. */
@RuleInfo(id = "IG205", severity = Severity.INFO, summary = "The image is not known, so PID 1 is unknown")
public final class IG205ImageNotKnown extends ObservationRule<UnknownBaseImage> {
    public IG205ImageNotKnown() {
        super(UnknownBaseImage.class, ContainerTarget.K8S_CONTAINER);
    }

    @Override
    protected String message(UnknownBaseImage o) {
        return "the image `" + o.image() + "`: " + o.reason() + ", so what it runs as PID 1 is unknown; set"
                + " `command`, describe the image under base-images in .initguard.yaml, or use --resolve-images";
    }
}
