package io.initguard.init;

/**
 * How to start the main child.
 *
 * @param argv          the program (looked up on PATH) and its arguments
 * @param signalMask    the mask the child starts with (the init's original mask)
 * @param ttinIgnored   whether SIGTTIN was ignored when the init started (the child gets the same)
 * @param ttouIgnored   whether SIGTTOU was ignored when the init started
 * @param verbosity     the init's verbosity, for messages the child side prints before exec
 */
public record SpawnRequest(String[] argv, long signalMask, boolean ttinIgnored, boolean ttouIgnored, int verbosity) {
}
