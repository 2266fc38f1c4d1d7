package io.initguard.rules.dockerfile;

import io.initguard.core.engine.ObservationRule;
import io.initguard.core.engine.RuleInfo;
import io.initguard.core.model.Severity;
import io.initguard.core.resolve.Observation.ShellFormEntrypoint;

/** IG111: ENTRYPOINT in shell form ignores CMD and run arguments. Doc: docs/rules/IG111.md. */
@RuleInfo(id = "IG111", severity = Severity.WARNING,
        summary = "ENTRYPOINT in shell form ignores CMD and the arguments of docker run")
public final class IG111ShellFormEntrypoint extends ObservationRule<ShellFormEntrypoint> {
    public IG111ShellFormEntrypoint() {
        super(ShellFormEntrypoint.class, "dockerfile");
    }

    @Override
    protected String message(ShellFormEntrypoint e) {
        return "ENTRYPOINT in shell form runs one command string: " + (e.cmdSet() ? "the CMD is ignored, and so are"
                : "") + " the arguments of `docker run` (they reach the shell only as $0, $1, ...); use exec form,"
                + " e.g. ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"app\"]";
    }
}
