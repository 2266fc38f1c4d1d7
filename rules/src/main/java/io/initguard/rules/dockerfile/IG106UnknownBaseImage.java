package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.UnknownBaseImage;

/** IG106: The base image is unknown, so PID 1 is unknown. Doc: docs/rules/IG106.md. */
@RuleInfo(id = "IG106", severity = Severity.INFO, summary = "The base image is unknown, so PID 1 is unknown")
public final class IG106UnknownBaseImage extends ObservationRule<UnknownBaseImage> {
    public IG106UnknownBaseImage() {
        super(UnknownBaseImage.class, "dockerfile");
    }

    @Override
    protected String message(UnknownBaseImage u) {
        return "the base image `" + u.image() + "`: " + u.reason()
                + ", so what it runs as PID 1 is unknown; set ENTRYPOINT in this Dockerfile, or describe the"
                + " image under base-images in .initguard.yaml";
    }
}
