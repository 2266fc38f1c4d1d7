package io.initguard.core.engine;

import io.initguard.core.resolve.Observation;

/**
 * A rule that reports every observation of one type the resolver made, at the observation's location: most rules
 * are this, and differ only in the type, the target kind and the message.
 *
 * @param <T> the observation type
 */
public abstract class ObservationRule<T extends Observation> implements Rule {
    private final Class<T> type;
    private final String kind;

    /** @param kind the target kind it checks ({@code dockerfile}, ...) */
    protected ObservationRule(Class<T> type, String kind) {
        this.type = type;
        this.kind = kind;
    }

    /** What to say about one observation. */
    protected abstract String message(T observation);

    @Override
    public void check(LintTarget target, Findings out) {
        if (!target.kind().equals(kind)) return;
        for (T o : target.resolution().all(type)) out.report(o.location(), message(o));
    }
}
