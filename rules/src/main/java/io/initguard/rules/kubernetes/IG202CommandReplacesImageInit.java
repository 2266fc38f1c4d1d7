package io.initguard.rules.kubernetes;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.InitReplaced;

/** IG202: command replaces an image ENTRYPOINT that started an init. Doc: docs/rules/IG202.md. */
@RuleInfo(id = "IG202", severity = Severity.ERROR, summary = "command replaces an image ENTRYPOINT that started an init")
public final class IG202CommandReplacesImageInit extends ObservationRule<InitReplaced> {
    public IG202CommandReplacesImageInit() {
        super(InitReplaced.class, ContainerTarget.K8S_CONTAINER);
    }

    @Override
    protected String message(InitReplaced o) {
        return "`command` replaces the image ENTRYPOINT, which started `" + o.init() + "` (" + o.provider()
                + "); keep the init in front: command: [\"" + o.init() + "\", \"--\", ...], or set only `args`";
    }
}
