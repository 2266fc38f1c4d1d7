package io.initguard.init;

/** The outcome of {@link Os#spawn(SpawnRequest)}. */
public sealed interface SpawnResult {

    /** The child runs with this pid. */
    record Started(int pid) implements SpawnResult {
    }

    /** The child could not be started; {@code errno} says why (ENOENT, EACCES, ...). */
    record Failed(int errno) implements SpawnResult {
    }
}
