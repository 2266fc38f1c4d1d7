package io.initguard.core.resolve;

import io.initguard.core.model.Pid1Chain;

import java.util.List;

/** The resolver's answer for one target: the chain to PID 1, and the facts noticed on the way. */
public record Resolution(Pid1Chain chain, List<Observation> observations) {
    public Resolution {
        observations = List.copyOf(observations);
    }

    public <T extends Observation> List<T> all(Class<T> type) {
        List<T> out = new java.util.ArrayList<>(2);
        for (Observation o : observations) if (type.isInstance(o)) out.add(type.cast(o));
        return out;
    }
}
