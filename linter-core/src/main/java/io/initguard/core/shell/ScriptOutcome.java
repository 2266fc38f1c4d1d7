package io.initguard.core.shell;

import java.util.List;

/** What an entrypoint script (run as {@code script ARGS...}) leaves as PID 1 on its normal path. */
public sealed interface ScriptOutcome {

    /**
     * The script ends by exec-ing this command (explicitly, or through the shell's own last-command exec as
     * recorded in shells.yaml). {@link Word#ALL_ARGS} ({@code "$@"}) marks where the caller substitutes the
     * container arguments.
     */
    record ExecsInto(List<String> argvTemplate) implements ScriptOutcome {
        public ExecsInto {
            argvTemplate = List.copyOf(argvTemplate);
        }
    }

    /** The script runs {@code command} as a child and stays PID 1 itself. */
    record RunsWithoutExec(List<String> command) implements ScriptOutcome {
        public RunsWithoutExec {
            command = List.copyOf(command);
        }
    }

    /** Cannot tell; {@code reason} says why. */
    record Opaque(String reason) implements ScriptOutcome {
    }
}
