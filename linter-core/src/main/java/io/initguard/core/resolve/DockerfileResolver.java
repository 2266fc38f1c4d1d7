package io.initguard.core.resolve;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.catalog.InitSpec;
import io.initguard.core.dockerfile.Dockerfile;
import io.initguard.core.dockerfile.Flag;
import io.initguard.core.dockerfile.Form;
import io.initguard.core.dockerfile.Heredoc;
import io.initguard.core.dockerfile.Instruction;
import io.initguard.core.dockerfile.Stage;
import io.initguard.core.model.Glob;
import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain;
import io.initguard.core.model.Pid1Chain.Hop;
import io.initguard.core.model.Verdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes PID 1 of a Dockerfile's target stage: builds up the image config stage by stage (through {@code FROM
 * <stage>} chains and the base-image catalogue), composes ENTRYPOINT and CMD as Docker does, then follows the command
 * with the {@link ProcessResolver}.
 */
public final class DockerfileResolver {
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\{[A-Za-z_][A-Za-z0-9_]*[^}]*}|[A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ARG_REFERENCE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final Catalogs catalogs;
    private final ImageResolver images;
    private final ProcessResolver processes;

    /** Base images are looked up in the catalogue only. */
    public DockerfileResolver(Catalogs catalogs) {
        this(catalogs, ImageResolver.catalog(catalogs.baseImages()));
    }

    /** Base images are looked up with {@code images}. */
    public DockerfileResolver(Catalogs catalogs, ImageResolver images) {
        this.catalogs = catalogs;
        this.images = images;
        this.processes = new ProcessResolver(catalogs.inits());
    }

    /**
     * Resolves the stage {@code target} of {@code dockerfile}.
     *
     * @param context the build context folder (COPY sources are read from it), or null when there is none (stdin)
     */
    public Resolution resolve(Dockerfile dockerfile, Stage target, Path context) {
        return resolve(dockerfile, dockerfile.stages(), target, context);
    }

    /** As {@link #resolve(Dockerfile, Stage, Path)}, with the stages the caller already has. */
    public Resolution resolve(Dockerfile dockerfile, List<Stage> stages, Stage target, Path context) {
        Run run = new Run(dockerfile, stages, context);
        List<Observation> facts = new ArrayList<>();
        formProblems(dockerfile, facts);
        ImageState image = run.state(target, 0);
        List<Hop> hops = new ArrayList<>(run.hops);

        if (image.entrypointUnknown || (image.entrypoint == null && image.cmdUnknown)) {
            hops.add(new Hop("the base image " + run.unknownBase + " is not known (" + run.unknownReason
                    + "), so its ENTRYPOINT and CMD"
                    + " are unknown", run.unknownBaseAt));
            facts.add(new Observation.UnknownBaseImage(run.unknownBase, run.unknownReason, run.unknownBaseAt));
            return finish(hops, facts, new ProcessResolver.Outcome(Verdict.UNKNOWN, null, null), image, run);
        }
        Argv argv = Argv.of(List.of());
        Location where = target.from().location();
        if (image.entrypoint != null && image.entrypoint.shellForm() && image.entrypoint.location() != null) {
            facts.add(new Observation.ShellFormEntrypoint(image.cmd != null, image.entrypoint.location()));
        }
        if (image.entrypoint != null) {
            hops.add(new Hop("ENTRYPOINT " + image.entrypoint.argv().display() + " (" + image.entrypoint.origin()
                    + ")", image.entrypoint.location()));
            argv = image.entrypoint.argv();
            where = image.entrypoint.location() != null ? image.entrypoint.location() : where;
        }
        if (image.cmd != null) {
            hops.add(new Hop("CMD " + image.cmd.argv().display() + " (" + image.cmd.origin() + ")",
                    image.cmd.location()));
            argv = argv.concat(image.cmd.argv());
            if (image.entrypoint == null && image.cmd.location() != null) where = image.cmd.location();
        }
        if (image.entrypoint != null && image.cmd != null) {
            hops.add(new Hop("the container starts " + argv.display(), null));
        }
        ProcessResolver.Outcome outcome = processes.resolve(argv, image, where, hops, facts);
        return finish(hops, facts, outcome, image, run);
    }

    /**
     * The image stage {@code target} builds, for a container started from it (a compose service with
     * {@code build:}): its ENTRYPOINT, CMD and files, and how they came about.
     *
     * @param name for the chain: {@code built from api/Dockerfile}
     */
    public ContainerImage build(Dockerfile dockerfile, List<Stage> stages, Stage target, Path context, String name) {
        Run run = new Run(dockerfile, stages, context);
        ImageState image = run.state(target, 0);
        List<Hop> hops = new ArrayList<>(run.hops);
        List<Observation> facts = new ArrayList<>(run.replaced);
        if (image.entrypointUnknown || (image.entrypoint == null && image.cmdUnknown)) {
            return new ContainerImage.Unknown(name, "its base image " + run.unknownBase + " is "
                    + run.unknownReason, run.unknownBaseAt, image, hops, facts);
        }
        List<String> imageInits = new ArrayList<>(image.baseInits);
        image.installedInits.forEach(i -> imageInits.add(i.init()));
        return new ContainerImage.Known(name, image.entrypoint, image.cmd, image, imageInits, hops, facts);
    }

    private Resolution finish(List<Hop> hops, List<Observation> facts, ProcessResolver.Outcome outcome,
                              ImageState image, Run run) {
        facts.addAll(image.installedInits);
        if (outcome.verdict() != Verdict.INIT) facts.addAll(run.replaced);
        Pid1Chain chain = new Pid1Chain(hops, outcome.verdict(), outcome.init(), outcome.pid1());
        return new Resolution(chain, facts);
    }

    /** Exec-form problems anywhere in the file: invalid JSON, variables that will not be expanded. */
    private static void formProblems(Dockerfile df, List<Observation> facts) {
        for (Instruction top : df.instructions()) {
            Instruction i = top.trigger() != null ? top.trigger() : top;
            if (!(i.is("ENTRYPOINT") || i.is("CMD") || i.is("RUN") || i.is("SHELL") || i.is("HEALTHCHECK"))) continue;
            if (i.invalidJson()) {
                facts.add(new Observation.InvalidJsonExecForm(i.keyword(), i.text(), top.location()));
            }
            if (i.form() == Form.EXEC && !i.is("SHELL")) {
                List<String> args = i.execArgs();
                int expandedByShell = shellCommandString(args);
                for (int k = 0; k < args.size(); k++) {
                    String arg = args.get(k);
                    if (k != expandedByShell && VARIABLE.matcher(arg).find()) {
                        facts.add(new Observation.VariableInExecForm(i.keyword(), arg, top.location()));
                        break;
                    }
                }
            }
        }
    }

    /** Index of the {@code -c} string of an exec-form shell ({@code ["sh", "-c", "..."]}), which that shell expands; -1 if none. */
    private static int shellCommandString(List<String> args) {
        if (args.isEmpty()) return -1;
        String prog = ProcessResolver.baseName(args.getFirst());
        if (prog.equals("busybox") && args.size() > 1 && List.of("sh", "ash").contains(args.get(1))) {
            int c = ProcessResolver.commandStringIndex(args.subList(1, args.size()));
            return c < 0 ? -1 : c + 1;
        }
        if (!List.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh").contains(prog)) return -1;
        return ProcessResolver.commandStringIndex(args);
    }

    /** The state of one resolution: stages computed so far and what was noticed. */
    private final class Run {
        final Dockerfile dockerfile;
        final Path context;
        final List<Stage> stages;
        final Map<Integer, ImageState> done = new HashMap<>();
        final Map<String, String> globalArgs = new LinkedHashMap<>();
        final List<Hop> hops = new ArrayList<>();
        final List<Observation> replaced = new ArrayList<>();
        String unknownBase;
        String unknownReason;
        Location unknownBaseAt;

        Run(Dockerfile dockerfile, List<Stage> stages, Path context) {
            this.dockerfile = dockerfile;
            this.context = context;
            this.stages = stages;
            for (Instruction arg : dockerfile.globalArgs()) {
                for (String decl : WHITE_SPACE.split(arg.text().trim())) {
                    int eq = decl.indexOf('=');
                    if (eq > 0) globalArgs.put(decl.substring(0, eq), unquote(decl.substring(eq + 1)));
                    else if (!decl.isEmpty()) globalArgs.putIfAbsent(decl, null);
                }
            }
        }

        ImageState state(Stage stage, int depth) {
            ImageState cached = done.get(stage.index());
            if (cached != null) return cached;
            if (depth > stages.size()) throw new IllegalStateException("stage loop");
            ImageState s = base(stage, depth);
            boolean cmdSet = false;
            String stageName = "stage " + stage.displayName();
            // ONBUILD triggers of a parent stage run as if written right after this stage's FROM (so an ENTRYPOINT
            // among them resets the inherited CMD, and a RUN or COPY among them counts); grandchildren do not inherit
            // them.
            List<Instruction> body = new ArrayList<>(s.onbuild);
            s.onbuild.clear();
            body.addAll(stage.body());
            for (Instruction i : body) {
                switch (i.keyword()) {
                    case "ENTRYPOINT" -> {
                        startsInit(s).ifPresent(init -> replaced.add(new Observation.InitReplaced(init,
                                s.entrypoint.origin(), i.location())));
                        s.entrypoint = command(i, s, "ENTRYPOINT of " + stageName);
                        s.entrypointUnknown = false;
                        if (!cmdSet) {
                            s.cmd = null;
                            s.cmdUnknown = false;
                        }
                    }
                    case "CMD" -> {
                        s.cmd = command(i, s, "CMD of " + stageName);
                        s.cmdUnknown = false;
                        cmdSet = true;
                    }
                    case "SHELL" -> {
                        if (i.form() == Form.EXEC && !i.execArgs().isEmpty()) s.shell = i.execArgs();
                    }
                    case "WORKDIR" -> s.workdir = ImageState.normalise(ImageState.join(s.workdir, unquote(i.text().trim())));
                    case "COPY", "ADD" -> copy(i, s, depth);
                    case "RUN" -> installs(i, s);
                    case "ONBUILD" -> {
                        if (i.trigger() != null) s.onbuild.add(i.trigger());
                    }
                    default -> {
                    }
                }
            }
            done.put(stage.index(), s);
            return s;
        }

        private ImageState base(Stage stage, int depth) {
            String name = expand(stage.base());
            Optional<Stage> parent = Stage.find(stages, name, stage.index());
            if (parent.isPresent()) {
                // The copy keeps the parent's ONBUILD triggers: state() runs them first.
                ImageState s = state(parent.get(), depth + 1).copy();
                s.description = "stage " + parent.get().displayName();
                if (depth == 0) {
                    hops.add(new Hop("FROM stage " + parent.get().displayName(), stage.from().location()));
                }
                return s;
            }
            ImageState s = new ImageState();
            s.description = name;
            if (name.equalsIgnoreCase("scratch")) {
                s.binSh = io.initguard.core.shell.ShellKind.NONE;
                if (depth == 0) hops.add(new Hop("FROM scratch: an empty image", stage.from().location()));
                return s;
            }
            ImageLookup found = name.contains("$")
                    ? new ImageLookup.NotFound("it names a build argument without a default")
                    : images.lookup(name);
            if (found instanceof ImageLookup.NotFound(String why)) {
                s.known = false;
                s.entrypointUnknown = true;
                s.cmdUnknown = true;
                unknownBase = name;
                unknownReason = why;
                unknownBaseAt = stage.from().location();
                if (depth == 0) hops.add(new Hop("FROM " + name + ": " + why, stage.from().location()));
                return s;
            }
            KnownImage b = ((ImageLookup.Found) found).image();
            String origin = "base image " + name;
            if (!b.entrypoint().isEmpty()) s.entrypoint = new ImageCommand(Argv.of(b.entrypoint()), origin, null, false);
            if (!b.cmd().isEmpty()) s.cmd = new ImageCommand(Argv.of(b.cmd()), origin, null, false);
            s.binSh = b.view().binSh();
            s.baseView = b.view();
            s.baseInits.addAll(b.inits());
            hops.add(new Hop("FROM " + name + ": " + b.description(), stage.from().location()));
            return s;
        }

        private String expand(String text) {
            if (text.indexOf('$') < 0) return text;
            Matcher m = ARG_REFERENCE.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String var = m.group(1) != null ? m.group(1) : m.group(3);
                String value = globalArgs.get(var);
                if (value == null) value = m.group(2);
                m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        private ImageCommand command(Instruction i, ImageState s, String origin) {
            if (i.form() == Form.EXEC) return new ImageCommand(Argv.of(i.execArgs()), origin, i.location(), false);
            List<String> argv = new ArrayList<>(s.shell);
            argv.add(i.text());
            return new ImageCommand(Argv.of(argv), origin + ", shell form", i.location(), true);
        }

        /**
         * The init that the ENTRYPOINT in force makes PID 1, directly ({@code tini --}) or through its script
         * ({@code entrypoint.sh} ending in {@code exec tini -- "$@"}): the one a new ENTRYPOINT would drop.
         */
        private Optional<String> startsInit(ImageState s) {
            ImageCommand c = s.entrypoint;
            if (c == null || c.argv().program() == null) return Optional.empty();
            Optional<InitSpec> direct = catalogs.inits().find(c.argv().program());
            if (direct.isPresent()) return Optional.of(direct.get().name());
            Argv argv = s.cmd != null ? c.argv().concat(s.cmd.argv()) : new Argv(c.argv().words(), s.cmdUnknown);
            ProcessResolver.Outcome o = processes.resolve(argv, s, c.location(), new ArrayList<>(), new ArrayList<>());
            return o.verdict() == Verdict.INIT ? Optional.of(o.init()) : Optional.empty();
        }

        private void copy(Instruction i, ImageState s, int depth) {
            List<String> args = i.form() == Form.EXEC ? i.execArgs() : words(i.text());
            if (args.isEmpty()) return;
            String dest = args.getLast();
            String destAbs = ImageState.normalise(ImageState.join(s.workdir, dest));
            boolean destIsDir = dest.endsWith("/") || dest.equals(".") || args.size() > 2
                    || List.of("/", "/usr/local/bin", "/usr/bin", "/bin", "/sbin", "/usr/sbin", "/usr/local/sbin")
                    .contains(destAbs);
            String where = i.keyword() + " at line " + i.line();
            if (!i.heredocs().isEmpty()) {
                for (Heredoc h : i.heredocs()) {
                    String content = h.quoted() ? h.content() : h.content().replace("\\$", "$");
                    String path = destIsDir ? destAbs + "/" + h.delimiter() : destAbs;
                    s.files.put(ImageState.normalise(path), content.startsWith("#!")
                            ? new ImageFile.Text(content, "heredoc at line " + h.startLine())
                            : new ImageFile.Opaque("heredoc at line " + h.startLine()));
                }
                return;
            }
            Optional<String> from = i.flag("from").map(Flag::value);
            for (String src : args.subList(0, args.size() - 1)) {
                String name = ProcessResolver.baseName(src);
                String path = destIsDir ? destAbs + "/" + name : destAbs;
                catalogs.inits().find(name).or(() -> catalogs.inits().find(path))
                        .ifPresent(init -> s.installedInits.add(new Observation.InitInstalled(init.name(),
                                i.keyword() + " " + src, i.location())));
                if (from.isPresent()) {
                    Optional<Stage> st = Stage.find(stages, from.get(), Integer.MAX_VALUE);
                    Optional<ImageFile> f = st.flatMap(x -> state(x, depth + 1).file(src));
                    s.files.put(ImageState.normalise(path), f.orElse(new ImageFile.Opaque(where + " from " + from.get())));
                    continue;
                }
                if (isUrl(src) || context == null) {
                    // Without a build context, a script's text is missing (PID 1 unknown); any other file is taken to
                    // be a program, as when it is missing from the checkout.
                    s.files.put(ImageState.normalise(path), context == null && !src.contains("://") && looksLikeScript(src)
                            ? new ImageFile.Unreadable(where, "no build context (read from standard input)")
                            : new ImageFile.Opaque(where + " " + src));
                    continue;
                }
                Path local = context.resolve(src.startsWith("/") ? src.substring(1) : src).normalize();
                if (!local.startsWith(context.normalize())) {
                    // As Docker: a COPY source cannot leave the build context, and neither does the linter.
                    s.files.put(ImageState.normalise(path), new ImageFile.Unreadable("build context " + src,
                            "outside the build context"));
                    continue;
                }
                if (src.contains("*") || src.contains("?")) {
                    Path dir = local.getParent() == null ? context : local.getParent();
                    s.dirCopies.add(new ImageState.DirCopy(dir, destAbs, Glob.of(ProcessResolver.baseName(src)),
                            "build context"));
                } else if (Files.isDirectory(local)) {
                    s.dirCopies.add(new ImageState.DirCopy(local, destAbs, null, "build context " + src));
                } else if (Files.isRegularFile(local)) {
                    s.files.put(ImageState.normalise(path), ImageState.readContextFile(local, "build context " + src));
                } else if (looksLikeScript(src)) {
                    s.files.put(ImageState.normalise(path),
                            new ImageFile.Unreadable("build context " + src, "no such file in the build context"));
                } else {
                    // Not in the checkout: typically a binary that CI builds before `docker build`.
                    s.files.put(ImageState.normalise(path), new ImageFile.Opaque("build context " + src
                            + " (not in the checkout)"));
                }
            }
        }

        private void installs(Instruction i, ImageState s) {
            String text = i.text();
            if (!text.contains("install") && !text.contains("add") && i.heredocs().isEmpty()) return;
            for (Heredoc h : i.heredocs()) text = text + "\n" + h.content();
            for (String pkg : PackageInstalls.in(text)) {
                catalogs.inits().byPackage(pkg).ifPresent(init -> s.installedInits.add(
                        new Observation.InitInstalled(init.name(), "package " + pkg, i.location())));
            }
        }
    }

    private static boolean isUrl(String src) {
        String lower = src.length() > 8 ? src.substring(0, 8).toLowerCase(Locale.ROOT) : src.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static boolean looksLikeScript(String src) {
        return ProcessResolver.looksLikeScript(src);
    }

    /** Splits COPY/ADD arguments on white space (they are not shell words; quotes only in exec form). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : WHITE_SPACE.split(text.trim())) if (!w.isEmpty()) out.add(w);
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
