package io.initguard.core.engine;

import io.initguard.core.model.Location;

/** Where a rule reports; the engine adds the rule's ID, severity and suppression. */
@FunctionalInterface
public interface Findings {
    void report(Location at, String message);
}
