package io.initguard.core.shell;

import io.initguard.core.shell.LastCommandFinder.Child;
import io.initguard.core.shell.LastCommandFinder.Explicit;
import io.initguard.core.shell.LastCommandFinder.Last;
import io.initguard.core.shell.LastCommandFinder.Nothing;
import io.initguard.core.shell.LastCommandFinder.Tail;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses an entrypoint script (run as {@code script ARGS...}): its shebang and what it leaves as PID 1.
 */
public final class ScriptAnalyzer {
    private ScriptAnalyzer() {
    }

    /**
     * Analyses {@code scriptText}. The shell kind is taken from the shebang (bash, dash, busybox/ash); a plain
     * {@code sh} or no shebang counts as {@link ShellKind#UNKNOWN}.
     */
    public static ScriptAnalysis analyze(String scriptText) {
        List<String> interpreter = shebang(scriptText);
        return new ScriptAnalysis(interpreter, outcome(scriptText, shellOf(interpreter)));
    }

    /** Analyses {@code scriptText} as run by {@code kind}, whatever its shebang names. */
    public static ScriptAnalysis analyze(String scriptText, ShellKind kind) {
        return new ScriptAnalysis(shebang(scriptText), outcome(scriptText, kind));
    }

    /**
     * The shebang's argv as Linux builds it: the interpreter path and, if present, one argument holding the rest
     * of the line (trimmed). Empty when the text has no {@code #!} first line.
     */
    public static List<String> shebang(String scriptText) {
        if (!scriptText.startsWith("#!")) return List.of();
        int nl = scriptText.indexOf('\n');
        String line = (nl < 0 ? scriptText.substring(2) : scriptText.substring(2, nl)).strip();
        if (line.isEmpty()) return List.of();
        int sp = indexOfBlank(line);
        if (sp < 0) return List.of(line);
        String arg = line.substring(sp).strip();
        return arg.isEmpty() ? List.of(line.substring(0, sp)) : List.of(line.substring(0, sp), arg);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') return i;
        }
        return -1;
    }

    /** The shell kind named anywhere in the interpreter argv (e.g. {@code /usr/bin/env bash}), else UNKNOWN. */
    static ShellKind shellOf(List<String> interpreter) {
        List<String> words = new ArrayList<>();
        for (String part : interpreter) words.addAll(List.of(part.split("[ \t]+")));
        for (String w : words) {
            ShellKind kind = ShellKind.ofProgram(w);
            if (kind != null && kind != ShellKind.UNKNOWN) return kind;
        }
        return ShellKind.UNKNOWN;
    }

    private static ScriptOutcome outcome(String text, ShellKind kind) {
        ShellScript script;
        try {
            script = ShellParser.parse(text);
        } catch (ShellParseException e) {
            return new ScriptOutcome.Opaque("cannot parse the script: " + e.getMessage());
        }
        Tail tail = LastCommandFinder.find(script);
        if (tail.conditional() && !(tail instanceof Child)) {
            if (tail instanceof Explicit e) {
                return new ScriptOutcome.Opaque("exec " + String.join(" ", e.argv())
                        + " is only reached on a conditional path");
            }
        }
        return switch (tail) {
            case Explicit e when !e.withOptions() -> new ScriptOutcome.ExecsInto(e.argv());
            case Explicit e -> ShellBehavior.execsAll(kind, EnumSet.of(ExecConstruct.SCRIPT_EXPLICIT_EXEC,
                    ExecConstruct.EXEC_OPTIONS)).orElse(false)
                    ? new ScriptOutcome.ExecsInto(e.argv())
                    : new ScriptOutcome.Opaque("exec with options (exec -a / exec --) fails on "
                            + (kind == ShellKind.UNKNOWN ? "some shells (dash)" : kind.id()));
            case Child c -> new ScriptOutcome.RunsWithoutExec(c.argv());
            case Nothing n -> new ScriptOutcome.Opaque(n.reason());
            case Last l when LastCommandFinder.runsInTheShell(l.argv().getFirst()) -> {
                // a trailing `echo done` is never exec'd: the script runs its last program as a child
                List<String> program = LastCommandFinder.lastProgram(script.commands());
                yield new ScriptOutcome.RunsWithoutExec(program != null ? program : l.argv());
            }
            case Last l -> {
                Set<ExecConstruct> constructs = EnumSet.of(ExecConstruct.SIMPLE_COMMAND,
                        ExecConstruct.SCRIPT_LAST_COMMAND);
                constructs.addAll(l.constructs());
                Optional<Boolean> execs = ShellBehavior.execsAll(kind, constructs);
                if (execs.isEmpty()) {
                    yield new ScriptOutcome.Opaque("whether the shell execs " + String.join(" ", l.argv())
                            + " depends on the shell (constructs: " + ShellAnalyzer.keys(constructs) + ")");
                }
                if (execs.get()) yield new ScriptOutcome.ExecsInto(l.argv());
                // a trailing `echo done` is not what the script runs: name the last program instead
                List<String> program = LastCommandFinder.BUILTINS.contains(l.argv().getFirst())
                        ? LastCommandFinder.lastProgram(script.commands()) : null;
                yield new ScriptOutcome.RunsWithoutExec(program != null ? program : l.argv());
            }
        };
    }
}
