package io.initguard.rules.image;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.MissingFile;

/** IG403: the command names an init or a script that is not in the image. Doc: docs/rules/IG403.md. */
@RuleInfo(id = "IG403", severity = Severity.ERROR, summary = "The entrypoint names an init or a script that is not in the image")
public final class IG403MissingFile extends ObservationRule<MissingFile> {
    public IG403MissingFile() {
        super(MissingFile.class, ContainerTarget.IMAGE);
    }

    @Override
    protected String message(MissingFile m) {
        return "`" + m.program() + "` is not in the image, so the container cannot start; copy it in, or fix the path"
                + " in ENTRYPOINT/CMD";
    }
}
