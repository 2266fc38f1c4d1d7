package io.initguard.core.shell;

import io.initguard.core.shell.LastCommandFinder.Child;
import io.initguard.core.shell.LastCommandFinder.Explicit;
import io.initguard.core.shell.LastCommandFinder.Last;
import io.initguard.core.shell.LastCommandFinder.Nothing;
import io.initguard.core.shell.LastCommandFinder.Tail;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a shell running {@code SHELL -c "cmd"} (Dockerfile shell form) leaves as PID 1. Whether a shell
 * execs its last command comes from shells.yaml ({@link ShellBehavior}), not from code.
 */
public final class ShellAnalyzer {
    private ShellAnalyzer() {
    }

    /**
     * Analyses the command string {@code cmd} as run by {@code kind}.
     *
     * <p>An explicit {@code exec} gives {@link ShellOutcome.Replaced} on every shell. Otherwise the last command on
     * the normal path (all commands succeed; {@code a || b} runs only {@code a}; an {@code if} takes its first
     * branch) is exec'd iff the shell execs under every construct around it. For {@link ShellKind#UNKNOWN} the
     * answer is given only when all measured shells agree (e.g. a pipeline stays PID 1 everywhere), else
     * {@link ShellOutcome.Unknown}; {@link ShellKind#NONE} always gives Unknown.
     */
    /**
     * Every program a command string runs on its way (builtins and its own functions aside), in order: what a shell
     * that stays PID 1 runs as its children. Empty for a string that does not parse.
     */
    public static List<List<String>> programs(String cmd) {
        try {
            return LastCommandFinder.programs(ShellParser.parse(cmd).commands());
        } catch (ShellParseException e) {
            return List.of();
        }
    }

    public static ShellOutcome analyzeCommandString(ShellKind kind, String cmd) {
        if (kind == ShellKind.NONE) return new ShellOutcome.Unknown("the image has no shell to run a command string");
        ShellScript script;
        try {
            script = ShellParser.parse(cmd);
        } catch (ShellParseException e) {
            return new ShellOutcome.Unknown("cannot parse the command string: " + e.getMessage());
        }
        Tail tail = LastCommandFinder.find(script);
        return switch (tail) {
            case Explicit e when !e.withOptions() -> new ShellOutcome.Replaced(e.argv(), true);
            case Explicit e -> {
                Optional<Boolean> ok = ShellBehavior.execsAll(kind,
                        EnumSet.of(ExecConstruct.EXPLICIT_EXEC, ExecConstruct.EXEC_OPTIONS));
                yield ok.orElse(false) ? new ShellOutcome.Replaced(e.argv(), true)
                        : new ShellOutcome.Unknown("exec with options (exec -a / exec --) fails on "
                                + (ok.isEmpty() ? "some shells (dash)" : kind.id()));
            }
            case Child c -> new ShellOutcome.StaysPid1(c.argv());
            case Nothing n -> new ShellOutcome.Unknown(n.reason());
            case Last l when LastCommandFinder.runsInTheShell(l.argv().getFirst()) -> {
                // `sleep 1; echo done`: a builtin is never exec'd, so the shell stays PID 1 on every shell
                List<String> program = LastCommandFinder.lastProgram(script.commands());
                yield new ShellOutcome.StaysPid1(program != null ? program : l.argv());
            }
            case Last l -> {
                Set<ExecConstruct> constructs = EnumSet.of(ExecConstruct.SIMPLE_COMMAND);
                constructs.addAll(l.constructs());
                switch (script.trailing()) {
                    case NEWLINE -> constructs.add(ExecConstruct.TRAILING_NEWLINE);
                    case MORE -> constructs.add(ExecConstruct.TRAILING_TEXT);
                    case NONE -> {
                        // nothing follows the last command
                    }
                }
                Optional<Boolean> execs = ShellBehavior.execsAll(kind, constructs);
                if (execs.isEmpty()) {
                    yield new ShellOutcome.Unknown("whether the shell execs " + String.join(" ", l.argv())
                            + " depends on which shell /bin/sh is (constructs: " + keys(constructs) + ")");
                }
                yield execs.get() ? new ShellOutcome.Replaced(l.argv(), false) : new ShellOutcome.StaysPid1(l.argv());
            }
        };
    }

    static String keys(Set<ExecConstruct> constructs) {
        return String.join(", ", constructs.stream().map(ExecConstruct::key).toList());
    }
}
