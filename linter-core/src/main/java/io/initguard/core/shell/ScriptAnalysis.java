package io.initguard.core.shell;

import java.util.List;

/**
 * The result of analysing an entrypoint script.
 *
 * @param interpreter the shebang's interpreter argv as the kernel builds it (interpreter path plus at most one
 *                    argument, the rest of the line), e.g. [/usr/bin/dumb-init, /bin/sh]; empty without shebang
 * @param outcome     what the script leaves as PID 1
 */
public record ScriptAnalysis(List<String> interpreter, ScriptOutcome outcome) {
    public ScriptAnalysis {
        interpreter = List.copyOf(interpreter);
    }
}
