package io.initguard.core.shell;

import io.initguard.core.shell.Command.AndOr;
import io.initguard.core.shell.Command.Background;
import io.initguard.core.shell.Command.BraceGroup;
import io.initguard.core.shell.Command.Branch;
import io.initguard.core.shell.Command.CaseClause;
import io.initguard.core.shell.Command.ForLoop;
import io.initguard.core.shell.Command.FunctionDef;
import io.initguard.core.shell.Command.IfClause;
import io.initguard.core.shell.Command.Pipeline;
import io.initguard.core.shell.Command.SimpleCommand;
import io.initguard.core.shell.Command.Subshell;
import io.initguard.core.shell.Command.WhileLoop;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the normal path of a parsed shell program (every command succeeds, {@code ||} right sides are skipped,
 * {@code if} takes its first branch) to find what ends it: an explicit {@code exec}, or the last command together
 * with the {@link ExecConstruct}s around it that decide whether a shell execs it.
 */
final class LastCommandFinder {

    /** What ends the normal path. */
    sealed interface Tail {
        /** Whether the path went through an if/case/loop body or the right side of ||. */
        boolean conditional();
    }

    /** An {@code exec CMD} is reached; {@code withOptions} when written {@code exec -a x CMD} or {@code exec -- CMD}. */
    record Explicit(List<String> argv, boolean withOptions, boolean conditional) implements Tail {
    }

    /** The last command; the shell execs it iff it execs under every construct in {@code constructs}. */
    record Last(List<String> argv, Set<ExecConstruct> constructs, boolean conditional) implements Tail {
    }

    /** The shell certainly runs {@code argv} as a child (it is not the last command the shell would run). */
    record Child(List<String> argv, boolean conditional) implements Tail {
    }

    /** No command to speak of. */
    record Nothing(String reason, boolean conditional) implements Tail {
    }

    private static final int MAX_DEPTH = 16;

    private final Map<String, FunctionDef> functions = new HashMap<>();
    /** The positional parameters as an argv template after top-level {@code set --}, or null when unchanged. */
    private List<String> positional;
    private int depth;

    static Tail find(ShellScript script) {
        return new LastCommandFinder().list(script.commands(), EnumSet.noneOf(ExecConstruct.class), false,
                script.lastLineStart());
    }

    private Tail list(List<Command> items, Set<ExecConstruct> inherited, boolean conditional) {
        return list(items, inherited, conditional, 0);
    }

    /** {@code lineStart}: index of the first item on the last item's line. */
    private Tail list(List<Command> items, Set<ExecConstruct> inherited, boolean conditional, int lineStart) {
        if (items.isEmpty()) return new Nothing("no command", conditional);
        Set<ExecConstruct> constructs = EnumSet.noneOf(ExecConstruct.class);
        constructs.addAll(inherited);
        if (items.size() - lineStart > 1) constructs.add(ExecConstruct.SEQUENCE);
        if (lineStart > 0) constructs.add(ExecConstruct.PREVIOUS_LINES);
        for (int i = 0; i < items.size(); i++) {
            Command item = items.get(i);
            Tail exec = explicitExec(item, conditional);
            if (exec != null) return exec;
            if (item instanceof FunctionDef f) functions.put(f.name(), f);
            if (i < items.size() - 1) {
                classifyPreceding(item, constructs);
                if (item instanceof Background && i == items.size() - 2 && i >= lineStart) {
                    constructs.add(ExecConstruct.AFTER_BACKGROUND);
                }
                trackSetArgs(item);
            }
        }
        Command last = items.getLast();
        if (last instanceof SimpleCommand sc && sc.name().equals("wait") && sc.assignments().isEmpty()) {
            for (int i = items.size() - 2; i >= 0; i--) {
                if (items.get(i) instanceof Background bg) {
                    constructs.remove(ExecConstruct.AFTER_BACKGROUND);
                    constructs.add(ExecConstruct.BACKGROUND);
                    return descend(bg.command(), constructs, conditional);
                }
            }
        }
        return descend(last, constructs, conditional);
    }

    /** An exec reached unconditionally by running {@code c}, or null. */
    private Tail explicitExec(Command c, boolean conditional) {
        switch (c) {
            case SimpleCommand sc -> {
                if (sc.name().equals("exec") && !sc.words().getFirst().quoted()) {
                    List<String> argv = execArgv(sc);
                    boolean options = argv.size() < sc.words().size() - 1;
                    return argv.isEmpty() ? null : new Explicit(argv, options, conditional);
                }
                FunctionDef f = functions.get(sc.name());
                if (f != null && depth < MAX_DEPTH) {
                    Tail inBody = callFunction(f, sc, conditional);
                    if (inBody instanceof Explicit) return inBody;
                }
                return null;
            }
            case AndOr ao -> {
                Tail left = explicitExec(ao.left(), conditional);
                if (left != null || ao.operator() == AndOr.Operator.OR) return left;
                return explicitExec(ao.right(), conditional);
            }
            case BraceGroup bg -> {
                for (Command inner : bg.body()) {
                    Tail t = explicitExec(inner, conditional);
                    if (t != null) return t;
                }
                return null;
            }
            case IfClause ic -> {
                if (ic.elseBody() == null) return null;
                List<List<Command>> bodies = new ArrayList<>();
                for (Branch b : ic.branches()) bodies.add(b.body());
                bodies.add(ic.elseBody());
                List<String> argv = null;
                boolean options = false;
                for (List<Command> body : bodies) {
                    Tail t = sub().list(body, EnumSet.noneOf(ExecConstruct.class), conditional);
                    if (!(t instanceof Explicit e)) return null;
                    if (argv != null && !argv.equals(e.argv())) return null;
                    argv = e.argv();
                    options |= e.withOptions();
                }
                return new Explicit(argv, options, conditional);
            }
            default -> {
                return null;
            }
        }
    }

    /** A finder for a nested body that shares functions and positional parameters. */
    private LastCommandFinder sub() {
        LastCommandFinder f = new LastCommandFinder();
        f.functions.putAll(functions);
        f.positional = positional;
        f.depth = depth + 1;
        return f;
    }

    private Tail callFunction(FunctionDef f, SimpleCommand call, boolean conditional) {
        LastCommandFinder inner = sub();
        List<String> callArgs = new ArrayList<>();
        for (Word w : call.words().subList(1, call.words().size())) callArgs.add(w.argvText());
        inner.positional = substitute(callArgs, positional);
        Command body = f.body();
        List<Command> items = switch (body) {
            case BraceGroup bg -> bg.body();
            case Subshell s -> s.body();
            default -> List.of(body);
        };
        return inner.list(items, EnumSet.noneOf(ExecConstruct.class), conditional);
    }

    private void classifyPreceding(Command c, Set<ExecConstruct> constructs) {
        switch (c) {
            case SimpleCommand sc -> {
                if (sc.words().isEmpty() && !sc.assignments().isEmpty()) constructs.add(ExecConstruct.AFTER_ASSIGNMENT);
                if (sc.name().equals("set")) {
                    for (Word w : sc.words().subList(1, sc.words().size())) {
                        if (w.value().startsWith("-") && !w.value().startsWith("--") && w.value().contains("e")) {
                            constructs.add(ExecConstruct.AFTER_SET_E);
                        }
                    }
                }
                if (sc.name().equals("trap")) classifyTrap(sc, constructs);
            }
            case FunctionDef f -> constructs.add(ExecConstruct.AFTER_FUNCTION_DEFINITION);
            case Background b -> {
                // only a background command right before the last one matters (added by the caller)
            }
            case Pipeline p -> constructs.add(ExecConstruct.AFTER_PIPELINE);
            case AndOr ao -> {
                classifyPreceding(ao.left(), constructs);
                classifyPreceding(ao.right(), constructs);
            }
            case BraceGroup bg -> bg.body().forEach(inner -> classifyPreceding(inner, constructs));
            default -> {
                // compound commands before the last one do not change whether it is exec'd (measured)
            }
        }
    }

    private static void classifyTrap(SimpleCommand sc, Set<ExecConstruct> constructs) {
        List<Word> args = new ArrayList<>(sc.words().subList(1, sc.words().size()));
        if (!args.isEmpty() && args.getFirst().is("--")) args.removeFirst();
        if (args.size() < 2) return;
        String action = args.getFirst().value();
        if (action.equals("-")) return;
        for (Word sig : args.subList(1, args.size())) {
            String s = sig.value().toUpperCase(java.util.Locale.ROOT);
            boolean exit = s.equals("EXIT") || s.equals("0") || s.equals("SIGEXIT");
            if (action.isEmpty()) {
                constructs.add(exit ? ExecConstruct.AFTER_TRAP_EMPTY_EXIT : ExecConstruct.AFTER_TRAP_IGNORE);
            } else {
                constructs.add(exit ? ExecConstruct.AFTER_TRAP_EXIT : ExecConstruct.AFTER_TRAP_COMMAND);
            }
        }
    }

    private void trackSetArgs(Command c) {
        if (c instanceof SimpleCommand sc && sc.name().equals("set") && sc.words().size() > 1
                && sc.words().get(1).is("--")) {
            List<String> args = new ArrayList<>();
            for (Word w : sc.words().subList(2, sc.words().size())) args.add(w.argvText());
            positional = substitute(args, positional);
        }
    }

    private Tail descend(Command c, Set<ExecConstruct> constructs, boolean conditional) {
        Set<ExecConstruct> cs = EnumSet.noneOf(ExecConstruct.class);
        cs.addAll(constructs);
        switch (c) {
            case SimpleCommand sc -> {
                if (sc.words().isEmpty()) return new Nothing("the last command only sets variables or redirects", conditional);
                if (sc.name().equals("exec")) return new Nothing("the last command is an exec without a command", conditional);
                if (sc.name().equals("eval")) cs.add(ExecConstruct.EVAL);
                FunctionDef f = functions.get(sc.name());
                if (f != null) {
                    cs.add(ExecConstruct.FUNCTION_CALL);
                    if (depth < MAX_DEPTH) {
                        Tail inBody = callFunction(f, sc, conditional);
                        if (inBody instanceof Last l) {
                            Set<ExecConstruct> all = EnumSet.copyOf(cs);
                            all.addAll(l.constructs());
                            return new Last(l.argv(), all, conditional || l.conditional());
                        }
                        if (!(inBody instanceof Nothing)) return inBody;
                    }
                }
                if (!sc.assignments().isEmpty()) cs.add(ExecConstruct.PREFIX_ASSIGNMENT);
                if (!sc.redirections().isEmpty()) cs.add(ExecConstruct.REDIRECTION);
                if (sc.words().stream().anyMatch(Word::hasCommandSubstitution)) cs.add(ExecConstruct.COMMAND_SUBSTITUTION);
                return new Last(argv(sc.words()), cs, conditional);
            }
            case AndOr ao -> {
                if (ao.operator() == AndOr.Operator.OR) {
                    Tail left = descend(ao.left(), cs, conditional);
                    return switch (left) {
                        case Last l -> new Child(l.argv(), l.conditional());
                        default -> left;
                    };
                }
                classifyPreceding(ao.left(), cs);
                cs.add(cs.contains(ExecConstruct.SEQUENCE) ? ExecConstruct.AND_LIST_IN_SEQUENCE : ExecConstruct.AND_LIST);
                return descend(ao.right(), cs, conditional);
            }
            case Pipeline p -> {
                if (p.negated()) cs.add(ExecConstruct.NEGATION);
                if (p.commands().size() > 1) cs.add(ExecConstruct.PIPELINE);
                return descend(p.commands().getLast(), cs, conditional);
            }
            case Background b -> {
                cs.add(ExecConstruct.BACKGROUND);
                return descend(b.command(), cs, conditional);
            }
            case BraceGroup bg -> {
                cs.add(ExecConstruct.BRACE_GROUP);
                if (!bg.redirections().isEmpty()) cs.add(ExecConstruct.GROUP_REDIRECTION);
                return list(bg.body(), cs, conditional);
            }
            case Subshell s -> {
                cs.add(ExecConstruct.SUBSHELL);
                if (!s.redirections().isEmpty()) cs.add(ExecConstruct.SUBSHELL_REDIRECTION);
                return list(s.body(), cs, conditional);
            }
            case IfClause ic -> {
                cs.add(ExecConstruct.IF_BODY);
                if (!ic.redirections().isEmpty()) cs.add(ExecConstruct.GROUP_REDIRECTION);
                return list(ic.branches().getFirst().body(), cs, conditional || !isNotSourcedGuard(ic));
            }
            case CaseClause cc -> {
                cs.add(ExecConstruct.CASE_BODY);
                if (!cc.redirections().isEmpty()) cs.add(ExecConstruct.GROUP_REDIRECTION);
                if (cc.items().size() != 1) {
                    return new Nothing("the last command is a case with " + cc.items().size()
                            + " branches; which one runs depends on the input", true);
                }
                return list(cc.items().getFirst().body(), cs, true);
            }
            case ForLoop fl -> {
                cs.add(ExecConstruct.LOOP_BODY);
                if (!fl.redirections().isEmpty()) cs.add(ExecConstruct.GROUP_REDIRECTION);
                return list(fl.body(), cs, true);
            }
            case WhileLoop wl -> {
                cs.add(ExecConstruct.LOOP_BODY);
                if (!wl.redirections().isEmpty()) cs.add(ExecConstruct.GROUP_REDIRECTION);
                return list(wl.body(), cs, true);
            }
            case FunctionDef f -> {
                return new Nothing("the last command only defines function " + f.name(), conditional);
            }
        }
    }

    /** Shell builtins that never run a program; skipped when naming the command a script runs as a child. */
    static final Set<String> BUILTINS = Set.of("echo", "printf", "true", "false", ":", "exit", "return", "set",
            "unset", "export", "readonly", "local", "cd", "trap", "wait", "shift", "test", "[", "[[", "read", "umask",
            "ulimit", "shopt", "declare", "typeset", "source", ".");

    /**
     * Whether {@code name} is a builtin that runs in the shell itself and never a program, so a shell cannot exec it
     * ({@code . file} and {@code source file} are not: the file may end in an exec).
     */
    static boolean runsInTheShell(String name) {
        return BUILTINS.contains(name) && !name.equals(".") && !name.equals("source");
    }

    /**
     * The argv of the last program (not a builtin) on the normal path of {@code items}, searching backwards
     * through top-level commands, and-lists, pipelines, background commands and brace groups; null if none.
     */
    /**
     * Every program the script runs on its way (builtins and its own functions aside), in order: what a shell that
     * stays PID 1 runs as its children.
     */
    static List<List<String>> programs(List<Command> items) {
        LastCommandFinder f = new LastCommandFinder();
        for (Command c : items) {
            if (c instanceof FunctionDef fd) f.functions.put(fd.name(), fd);
        }
        List<List<String>> out = new java.util.ArrayList<>();
        for (Command c : items) f.programs(c, out);
        return out;
    }

    private void programs(Command c, List<List<String>> out) {
        switch (c) {
            case SimpleCommand sc -> {
                if (!sc.words().isEmpty() && !BUILTINS.contains(sc.name()) && !functions.containsKey(sc.name())) {
                    out.add(argv(sc.words()));
                }
            }
            case AndOr ao -> {
                programs(ao.left(), out);
                programs(ao.right(), out);
            }
            case Pipeline p -> p.commands().forEach(x -> programs(x, out));
            case Background b -> programs(b.command(), out);
            case BraceGroup bg -> bg.body().forEach(x -> programs(x, out));
            default -> {
            }
        }
    }

    static List<String> lastProgram(List<Command> items) {
        LastCommandFinder f = new LastCommandFinder();
        for (Command c : items) {
            if (c instanceof FunctionDef fd) f.functions.put(fd.name(), fd);
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            List<String> found = f.lastProgram(items.get(i));
            if (found != null) return found;
        }
        return null;
    }

    private List<String> lastProgram(Command c) {
        return switch (c) {
            case SimpleCommand sc -> sc.words().isEmpty() || BUILTINS.contains(sc.name())
                    || functions.containsKey(sc.name()) ? null : argv(sc.words());
            case AndOr ao -> {
                List<String> right = ao.operator() == AndOr.Operator.AND ? lastProgram(ao.right()) : null;
                yield right != null ? right : lastProgram(ao.left());
            }
            case Pipeline p -> lastProgram(p.commands().getLast());
            case Background b -> lastProgram(b.command());
            case BraceGroup bg -> lastProgram(bg.body());
            default -> null;
        };
    }

    private List<String> argv(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) out.add(w.argvText());
        return substitute(out, positional);
    }

    /** {@code exec [-cl] [-a name] [--] cmd...} -> cmd..., or empty for an exec that only redirects. */
    private List<String> execArgv(SimpleCommand sc) {
        List<Word> words = sc.words();
        int i = 1;
        while (i < words.size()) {
            String v = words.get(i).value();
            if (v.equals("--")) {
                i++;
                break;
            }
            if (v.equals("-a")) {
                i += 2;
            } else if (v.matches("-[cl]+")) {
                i++;
            } else {
                break;
            }
        }
        return i >= words.size() ? List.of() : argv(words.subList(i, words.size()));
    }

    /** Replaces each {@link Word#ALL_ARGS} in {@code argv} by {@code args}; null args means unchanged. */
    static List<String> substitute(List<String> argv, List<String> args) {
        if (args == null) return List.copyOf(argv);
        List<String> out = new ArrayList<>();
        for (String a : argv) {
            if (a.equals(Word.ALL_ARGS)) out.addAll(args);
            else out.add(a);
        }
        return List.copyOf(out);
    }

    /**
     * The docker-library guard {@code if ! _is_sourced; then _main "$@"; fi}: an entrypoint script is executed, never
     * sourced, so its body always runs (postgres, mysql and mariadb end their entrypoint scripts this way).
     */
    static boolean isNotSourcedGuard(IfClause ic) {
        if (ic.branches().size() != 1 || ic.elseBody() != null) return false;
        List<Command> cond = ic.branches().getFirst().condition();
        if (cond.size() != 1 || !(cond.getFirst() instanceof Pipeline p) || !p.negated() || p.commands().size() != 1) {
            return false;
        }
        return p.commands().getFirst() instanceof SimpleCommand sc && sc.words().size() == 1
                && sc.words().getFirst().is("_is_sourced");
    }
}
