package io.initguard.core.shell;

import java.util.List;

/** What happens to PID 1 when a shell runs a {@code -c} command string. */
public sealed interface ShellOutcome {

    /**
     * The shell is replaced by this command, which becomes PID 1.
     *
     * @param argv         the words of the command, leading {@code exec}, its options and assignments removed,
     *                     quotes removed; {@code "$@"} appears as {@link Word#ALL_ARGS}
     * @param explicitExec whether the string says {@code exec} (true on every shell) rather than relying on the
     *                     shell's own last-command exec
     */
    record Replaced(List<String> argv, boolean explicitExec) implements ShellOutcome {
        public Replaced {
            argv = List.copyOf(argv);
        }
    }

    /** The shell stays PID 1 and runs {@code lastCommand} as its child. */
    record StaysPid1(List<String> lastCommand) implements ShellOutcome {
        public StaysPid1 {
            lastCommand = List.copyOf(lastCommand);
        }
    }

    /** Cannot tell (unknown shell whose shells disagree, no shell, unparseable text, ...). */
    record Unknown(String reason) implements ShellOutcome {
    }
}
