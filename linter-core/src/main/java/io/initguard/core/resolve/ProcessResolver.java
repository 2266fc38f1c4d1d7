package io.initguard.core.resolve;

import io.initguard.core.catalog.InitCatalog;
import io.initguard.core.catalog.InitSpec;
import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain.Hop;
import io.initguard.core.model.Verdict;
import io.initguard.core.shell.ScriptAnalysis;
import io.initguard.core.shell.ScriptAnalyzer;
import io.initguard.core.shell.ScriptOutcome;
import io.initguard.core.shell.Word;
import io.initguard.core.shell.ShellAnalyzer;
import io.initguard.core.shell.ShellKind;
import io.initguard.core.shell.ShellOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a command line to the program that ends up as PID 1: through shells that exec their {@code -c} string or
 * stay, entrypoint scripts that {@code exec} or not, privilege step-down tools that exec, up to an init or the
 * application. Shared by every kind of target (Dockerfile, compose service, Kubernetes container, image).
 */
public final class ProcessResolver {
    /** Programs that replace themselves with their command: {@code gosu user cmd}, {@code su-exec user cmd}. */
    private static final Set<String> STEP_DOWN_WITH_USER = Set.of("gosu", "su-exec");
    private static final int MAX_HOPS = 24;

    private final InitCatalog inits;

    public ProcessResolver(InitCatalog inits) {
        this.inits = inits;
    }

    /** Where PID 1 ends up. {@code init} is set only for {@link Verdict#INIT}; {@code pid1} may be null. */
    public record Outcome(Verdict verdict, String init, String pid1) {
    }

    /**
     * Resolves {@code argv}, the command the container starts with, in {@code image}.
     *
     * @param where the place in the input that set the command (findings about it point there)
     * @param hops  receives one line per step
     * @param facts receives what rules may report
     */
    public Outcome resolve(Argv argv, ImageView image, Location where, List<Hop> hops, List<Observation> facts) {
        Argv cur = argv;
        for (int step = 0; step < MAX_HOPS; step++) {
            if (cur.words().isEmpty()) {
                hops.add(new Hop(cur.unknownTail()
                        ? "the command comes from an image that is not known, so PID 1 is unknown"
                        : "no command: the container cannot start", where));
                return new Outcome(Verdict.UNKNOWN, null, null);
            }
            String prog = cur.program();
            String base = baseName(prog);

            Optional<InitSpec> init = inits.find(prog);
            if (init.isPresent()) {
                InitSpec spec = init.get();
                checkDoubleDash(spec, cur, where, facts);
                hops.add(new Hop("PID 1: " + base + ", the init '" + spec.name() + "'"
                        + commandUnder(spec, cur), where));
                return new Outcome(Verdict.INIT, spec.name(), base);
            }

            ShellKind shell = shellKind(cur, image);
            if (shell != null) {
                Argv shellArgs = base.equals("busybox") ? cur.tail(1) : cur;
                int c = commandStringIndex(shellArgs.words());
                if (c == -1) {
                    if (hasScriptOperand(shellArgs.words())) {
                        String script = firstOperand(shellArgs.words());
                        Optional<ImageFile> file = image.file(script);
                        if (file.isPresent() && file.get() instanceof ImageFile.Text t) {
                            hops.add(new Hop(base + " runs the script " + script + " (" + t.origin() + ")", where));
                            Argv scriptArgs = shellArgs.tail(shellArgs.words().indexOf(script));
                            switch (followScript(scriptArgs, t, shell, where, hops, facts, base)) {
                                case Done d -> {
                                    return d.outcome();
                                }
                                case Next n -> cur = n.argv();
                            }
                            continue;
                        }
                        if (file.isEmpty() && image.complete()) {
                            hops.add(new Hop("PID 1: " + base + " runs the script " + script
                                    + ", which is not in the image: the shell fails and exits", where));
                            facts.add(new Observation.MissingFile(script, where));
                            return new Outcome(Verdict.NO_INIT, null, base);
                        }
                        hops.add(new Hop("PID 1: " + base + " runs the script " + script
                                + ", whose text is not known", where));
                        return new Outcome(Verdict.UNKNOWN, null, null);
                    }
                    hops.add(new Hop("PID 1: " + base + ", an interactive shell", where));
                    return new Outcome(Verdict.NO_INIT, null, base);
                }
                String command = shellArgs.words().get(c);
                ShellOutcome out = ShellAnalyzer.analyzeCommandString(shell, command);
                switch (out) {
                    case ShellOutcome.Replaced r -> {
                        hops.add(new Hop(base + " (" + shell.id() + ") -c execs " + Argv.of(r.argv()).display()
                                + (r.explicitExec() ? " (explicit exec)" : ""), where));
                        cur = Argv.of(r.argv());
                    }
                    case ShellOutcome.StaysPid1 s -> {
                        String child = String.join(" ", s.lastCommand());
                        hops.add(new Hop("PID 1: " + base + " (" + shell.id() + ") stays PID 1 and runs `" + command
                                + "` as its child", where));
                        facts.add(new Observation.ShellStaysPid1(base, command, where));
                        // An init anywhere in the string runs as the shell's child, not as PID 1.
                        List<List<String>> children = new ArrayList<>(ShellAnalyzer.programs(command));
                        children.add(s.lastCommand());
                        children.stream().filter(w -> !w.isEmpty()).map(w -> inits.find(w.getFirst()))
                                .flatMap(Optional::stream).findFirst().ifPresent(i ->
                                        facts.add(new Observation.InitNotPid1(i.name(), base, where)));
                        return new Outcome(Verdict.NO_INIT, null, base);
                    }
                    case ShellOutcome.Unknown u -> {
                        hops.add(new Hop(base + " -c `" + command + "`: " + u.reason(), where));
                        return new Outcome(Verdict.UNKNOWN, null, null);
                    }
                }
                continue;
            }

            if (STEP_DOWN_WITH_USER.contains(base)
                    && (cur.words().size() >= 3 || cur.words().size() == 2 && cur.unknownTail())) {
                hops.add(new Hop(base + " drops privileges and execs " + cur.tail(2).display(), where));
                cur = cur.tail(2);
                continue;
            }
            if (base.equals("env")) {
                int i = 1;
                while (i < cur.words().size() && (cur.words().get(i).contains("=") || cur.words().get(i).startsWith("-"))) {
                    // -u NAME and -C DIR take a value in the next word.
                    if (List.of("-u", "--unset", "-C", "--chdir").contains(cur.words().get(i))) i++;
                    i++;
                }
                if (i < cur.words().size() || cur.unknownTail()) {
                    hops.add(new Hop("env execs " + cur.tail(i).display(), where));
                    cur = cur.tail(i);
                    continue;
                }
            }

            Optional<ImageFile> file = image.file(prog);
            if (file.isEmpty() && image.complete()) {
                hops.add(new Hop("PID 1: " + base + ", which is not in the image: the container cannot start", where));
                facts.add(new Observation.MissingFile(prog, where));
                return new Outcome(Verdict.NO_INIT, null, base);
            }
            if (file.isPresent()) {
                switch (file.get()) {
                    case ImageFile.Text t when t.content().startsWith("#!") -> {
                        switch (followScript(cur, t, image.binSh(), where, hops, facts, null)) {
                            case Done d -> {
                                return d.outcome();
                            }
                            case Next n -> cur = n.argv();
                        }
                        continue;
                    }
                    case ImageFile.Unreadable u -> {
                        hops.add(new Hop("PID 1: " + base + " (" + u.origin() + "), which could not be read: "
                                + u.reason(), where));
                        return new Outcome(Verdict.UNKNOWN, null, null);
                    }
                    default -> {
                    }
                }
            }
            hops.add(new Hop("PID 1: " + base + ", not an init", where));
            return new Outcome(Verdict.NO_INIT, null, base);
        }
        hops.add(new Hop("gave up after " + MAX_HOPS + " steps (a loop?)", where));
        return new Outcome(Verdict.UNKNOWN, null, null);
    }

    /** What following a script gives: PID 1 is decided, or the script execs into the next command. */
    private sealed interface Step {
    }

    private record Done(Outcome outcome) implements Step {
    }

    private record Next(Argv argv) implements Step {
    }

    /** Follows an entrypoint script run as {@code argv} (argv[0] is the script; {@code runBy} the shell, if any). */
    private Step followScript(Argv argv, ImageFile.Text script, ShellKind binSh, Location where,
                              List<Hop> hops, List<Observation> facts, String runBy) {
        String path = argv.program();
        String name = baseName(path);
        List<String> shebang = ScriptAnalyzer.shebang(script.content());
        // A script run by a named shell, or whose shebang is plain sh, runs in that shell; otherwise the shebang says.
        ShellKind named = shebang.isEmpty() ? null : ShellKind.ofProgram(shebang.getFirst());
        ShellKind kind = runBy != null || named == ShellKind.UNKNOWN ? binSh : named;
        ScriptAnalysis analysis = analyse(script.content(), kind);
        List<String> interpreter = analysis.interpreter();
        if (runBy == null && !interpreter.isEmpty()) {
            Optional<InitSpec> viaShebang = inits.find(interpreter.getFirst());
            if (viaShebang.isPresent()) {
                hops.add(new Hop("PID 1: " + baseName(interpreter.getFirst()) + ", the init '"
                        + viaShebang.get().name() + "', from the shebang of " + name, where));
                return new Done(new Outcome(Verdict.INIT, viaShebang.get().name(),
                        baseName(interpreter.getFirst())));
            }
        }
        switch (analysis.outcome()) {
            case ScriptOutcome.ExecsInto e -> {
                Optional<Argv> next = substitute(e.argvTemplate(), argv);
                if (next.isEmpty()) {
                    hops.add(new Hop("the script " + name + " (" + script.origin() + ") execs "
                            + Argv.of(e.argvTemplate()).display() + ", with arguments that are not known", where));
                    return new Done(new Outcome(Verdict.UNKNOWN, null, null));
                }
                if (next.get().words().isEmpty() && !next.get().unknownTail()) {
                    // `exec "$@"` with no arguments does nothing and the script goes on: it is PID 1 (a branch
                    // taken only without arguments, such as jenkins.sh's `exec java`, is not followed).
                    hops.add(new Hop("PID 1: the script " + name + " (" + script.origin() + "), whose final exec"
                            + " has no command when the container has no arguments", where));
                    return new Done(new Outcome(Verdict.NO_INIT, null, runBy != null ? runBy : name));
                }
                hops.add(new Hop("the script " + name + " (" + script.origin() + ") execs " + next.get().display(),
                        where));
                return new Next(next.get());
            }
            case ScriptOutcome.RunsWithoutExec r -> {
                Optional<Argv> child = substitute(r.command(), argv);
                String shown = child.map(Argv::display).orElse(Argv.of(r.command()).display());
                hops.add(new Hop("PID 1: the script " + name + " (" + script.origin() + ") runs " + shown
                        + " as its child, without exec", where));
                facts.add(new Observation.ScriptWithoutExec(name, shown, where));
                child.filter(a -> a.program() != null).flatMap(a -> inits.find(a.program()))
                        .ifPresent(i -> facts.add(new Observation.InitNotPid1(i.name(), name, where)));
                return new Done(new Outcome(Verdict.NO_INIT, null, runBy != null ? runBy : name));
            }
            case ScriptOutcome.Opaque o -> {
                hops.add(new Hop("the script " + name + " (" + script.origin() + "): " + o.reason(), where));
                return new Done(new Outcome(Verdict.UNKNOWN, null, null));
            }
        }
    }

    private record ScriptKey(String text, ShellKind kind) {
    }

    /** Scripts recur (every image of a family carries the same entrypoint script): analyse each text once. */
    private final java.util.Map<ScriptKey, ScriptAnalysis> analysed = new java.util.concurrent.ConcurrentHashMap<>();

    private ScriptAnalysis analyse(String text, ShellKind kind) {
        if (analysed.size() > 4096) analysed.clear();
        return analysed.computeIfAbsent(new ScriptKey(text, kind), k -> k.kind() == null
                ? ScriptAnalyzer.analyze(k.text()) : ScriptAnalyzer.analyze(k.text(), k.kind()));
    }

    /** Fills a script's exec template: {@code $@} with the script's arguments, {@code $0} with its path. */
    static Optional<Argv> substitute(List<String> template, Argv scriptArgv) {
        List<String> out = new ArrayList<>();
        Argv args = scriptArgv.tail(1);
        boolean unknownTail = false;
        for (String w : template) {
            switch (w) {
                case Word.ALL_ARGS, "$@", "$*" -> {
                    if (unknownTail) return Optional.empty();
                    out.addAll(args.words());
                    unknownTail = args.unknownTail();
                }
                case "$0" -> out.add(scriptArgv.program());
                default -> {
                    if (w.length() == 2 && w.charAt(0) == '$' && w.charAt(1) >= '1' && w.charAt(1) <= '9') {
                        int i = w.charAt(1) - '1';
                        if (i < args.words().size()) out.add(args.words().get(i));
                        else if (args.unknownTail()) return Optional.empty();
                    } else {
                        if (unknownTail) return Optional.empty();
                        out.add(w);
                    }
                }
            }
        }
        return Optional.of(new Argv(out, unknownTail));
    }

    /** Where an init's command starts, after its options, and whether {@code --} came before it. */
    private record InitCommand(int start, boolean afterDoubleDash) {
        static InitCommand of(InitSpec spec, List<String> w) {
            int i = 1;
            while (i < w.size() && w.get(i).startsWith("-") && !w.get(i).equals("--")) {
                if (spec.optionsWithArg().contains(w.get(i))) i++;
                i++;
            }
            boolean dd = i < w.size() && w.get(i).equals("--");
            return new InitCommand(dd ? i + 1 : i, dd);
        }
    }

    private void checkDoubleDash(InitSpec spec, Argv argv, Location where, List<Observation> facts) {
        List<String> w = argv.words();
        InitCommand c = InitCommand.of(spec, w);
        if (spec.doubleDash() && !c.afterDoubleDash() && c.start() < w.size()) {
            facts.add(new Observation.InitWithoutDoubleDash(spec.name(),
                    String.join(" ", w.subList(c.start(), w.size())), where));
        }
    }

    private static String commandUnder(InitSpec spec, Argv argv) {
        Argv rest = argv.tail(InitCommand.of(spec, argv.words()).start());
        if (rest.words().isEmpty() && !rest.unknownTail()) return "";
        return ", supervising " + rest.display();
    }

    /** The kind of shell {@code argv} starts, or null when argv[0] is no shell. */
    private static ShellKind shellKind(Argv argv, ImageView image) {
        String program = argv.program();
        return switch (baseName(program)) {
            case "sh" -> program.equals("sh") || program.equals("/bin/sh") || program.equals("/usr/bin/sh")
                    ? image.binSh() : ShellKind.UNKNOWN;
            case "busybox" -> argv.words().size() > 1 && (argv.words().get(1).equals("sh")
                    || argv.words().get(1).equals("ash")) ? ShellKind.BUSYBOX : null;
            default -> ShellKind.ofProgram(program);
        };
    }

    /** Index of the {@code -c} command string in a shell's argv, or -1 when the shell was not given -c. */
    static int commandStringIndex(List<String> w) {
        boolean sawC = false;
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("--")) {
                return sawC && i + 1 < w.size() ? i + 1 : -1;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                if (a.startsWith("--")) continue;
                if (a.equals("-o") || a.equals("+o") || a.equals("-O") || a.equals("+O")) {
                    i++;
                    continue;
                }
                if (a.startsWith("-") && a.indexOf('c') > 0) sawC = true;
                continue;
            }
            return sawC ? i : -1;
        }
        return -1;
    }

    private static boolean hasScriptOperand(List<String> w) {
        return firstOperand(w) != null;
    }

    private static String firstOperand(List<String> w) {
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("--")) return i + 1 < w.size() ? w.get(i + 1) : null;
            if (a.equals("-o") || a.equals("+o")) {
                i++;
                continue;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) continue;
            return a;
        }
        return null;
    }

    /** A file name that says "shell script": its text would decide PID 1, so not knowing it leaves PID 1 unknown. */
    public static boolean looksLikeScript(String path) {
        String n = baseName(path);
        return n != null && (n.endsWith(".sh") || n.endsWith(".bash") || n.contains("entrypoint"));
    }

    /** {@code /usr/bin/tini} -> {@code tini}. */
    public static String baseName(String program) {
        if (program == null) return null;
        String p = program;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }
}
