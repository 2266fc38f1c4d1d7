package io.initguard.init;

/**
 * The parsed command line and environment of the init.
 *
 * @param verbosity        0 quiet ... 4 trace; 1 by default
 * @param subreaper        register as child subreaper ({@code -s} or {@code TINI_SUBREAPER})
 * @param parentDeathSignal signal to get when the parent dies ({@code -p}), 0 for none
 * @param warnOnReap       warn on every reaped zombie ({@code -w})
 * @param killProcessGroup forward signals to the child's process group ({@code -g} or
 *                         {@code TINI_KILL_PROCESS_GROUP})
 * @param remappedToZero   exit codes (index 0..255) that become 0 ({@code -e})
 * @param graceMillis      {@code --grace} in milliseconds, or -1 when off
 * @param program          the program and its arguments
 */
public record Options(int verbosity, boolean subreaper, int parentDeathSignal, boolean warnOnReap,
                      boolean killProcessGroup, boolean[] remappedToZero, long graceMillis, String[] program) {

    /** @return true when {@code --grace} is on */
    public boolean graceEnabled() {
        return graceMillis >= 0;
    }
}
