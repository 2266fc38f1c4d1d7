package io.initguard.rules.common;

import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.Findings;
import io.initguard.core.engine.LintTarget;
import io.initguard.core.engine.Rule;
import io.initguard.core.model.Verdict;

/**
 * "No init is PID 1" for containers of one kind (compose services, Kubernetes containers, images): fires on every
 * target whose verdict is no-init, beside the more specific rules, at the container's command, else its name.
 */
public abstract class NoInitContainerRule implements Rule {
    private final String kind;

    protected NoInitContainerRule(String kind) {
        this.kind = kind;
    }

    /** How to run an init, in this kind's own terms. */
    protected abstract String cure();

    @Override
    public void check(LintTarget target, Findings out) {
        if (!(target instanceof ContainerTarget t) || !t.kind().equals(kind)
                || t.resolution().chain().verdict() != Verdict.NO_INIT) return;
        String pid1 = t.resolution().chain().pid1();
        out.report(t.pid1Location(), "PID 1 is " + (pid1 == null ? "not an init" : "`" + pid1 + "`, not an init")
                + ": orphans are not reaped and SIGTERM may be ignored; " + cure());
    }
}
