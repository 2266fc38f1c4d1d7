package io.initguard.core.compose;

import io.initguard.core.compose.YamlNodes.Entry;
import io.initguard.core.model.Location;
import io.initguard.core.shell.ShellParseException;
import io.initguard.core.shell.ShellWords;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads compose files into {@link ComposeFile}s with line numbers: anchors, merge keys, {@code extends}, variable
 * defaults and {@code # initguard ignore=} comments are applied; {@code x-} keys and {@code version:} are ignored.
 * Only what decides a service's PID 1 is read ({@code image}, {@code build}, {@code entrypoint}, {@code command},
 * {@code init}).
 */
public final class ComposeParser {
    private static final Pattern IGNORE =
            Pattern.compile("#\\s*initguard\\s+ignore\\s*=\\s*([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)");

    /** One read file: its name, folder (null when unknown), lines and service nodes. */
    private record Doc(String file, Path dir, List<String> lines, Map<String, ServiceNode> services) {
    }

    private record ServiceNode(String name, Location location, LinkedHashMap<String, Entry> entries) {
    }

    /** A service's settings before defaults; null / empty means unset, so overrides can tell. */
    private record Draft(String image, BuildDraft build, Optional<CommandSpec> entrypoint,
                         Optional<CommandSpec> command, Boolean init) {
        Draft overriddenBy(Draft o) {
            return new Draft(o.image != null ? o.image : image,
                    build == null ? o.build : build.overriddenBy(o.build),
                    o.entrypoint.isPresent() ? o.entrypoint : entrypoint,
                    o.command.isPresent() ? o.command : command,
                    o.init != null ? o.init : init);
        }
    }

    private record BuildDraft(String context, String dockerfile, String target, String inline) {
        BuildDraft overriddenBy(BuildDraft o) {
            if (o == null) {
                return this;
            }
            return new BuildDraft(o.context != null ? o.context : context,
                    o.dockerfile != null ? o.dockerfile : dockerfile,
                    o.target != null ? o.target : target, o.inline != null ? o.inline : inline);
        }

        Build toBuild() {
            return new Build(context != null ? context : Build.DEFAULT_CONTEXT,
                    dockerfile != null ? dockerfile : Build.DEFAULT_DOCKERFILE, target, inline);
        }
    }

    private final Map<Path, Doc> otherFiles = new HashMap<>();
    private final Map<String, Draft> resolved = new HashMap<>();
    private final LinkedHashSet<String> resolving = new LinkedHashSet<>();

    private ComposeParser() {
    }

    /**
     * Parses {@code content}, named {@code file} in locations. {@code extends: {file: ...}} is an error here, as
     * there is no folder to read it from: use {@link #parse(String, String, Path)}.
     */
    public static ComposeFile parse(String file, String content) throws ComposeSyntaxException {
        return parse(file, content, null);
    }

    /** Parses {@code content}; {@code extends: {file: ...}} is read relative to {@code baseDir} (may be null). */
    public static ComposeFile parse(String file, String content, Path baseDir) throws ComposeSyntaxException {
        return new ComposeParser().parseMain(file, content, baseDir);
    }

    /** Reads and parses the compose file at {@code path}; locations name it as given. */
    public static ComposeFile parse(Path path) throws ComposeSyntaxException {
        String content;
        try {
            content = Files.readString(path);
        } catch (IOException | RuntimeException e) {
            throw new ComposeSyntaxException(new Location(path.toString(), 1, 0), "cannot read file: " + e);
        }
        Path parent = path.toAbsolutePath().getParent();
        return parse(path.toString(), content, parent);
    }

    /**
     * Merges files given with several {@code -f}, later ones overriding earlier ones: {@code image}, {@code init},
     * {@code command} and {@code entrypoint} are replaced when the later file sets them, {@code build} is merged
     * key by key, and a service only in a later file is added. A merged service keeps the location of its first
     * definition and the ignore comments of all of them. The result is named after the first file.
     */
    public static ComposeFile merge(List<ComposeFile> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no compose files to merge");
        }
        LinkedHashMap<String, ComposeService> services = new LinkedHashMap<>();
        for (ComposeFile file : files) {
            for (ComposeService s : file.services()) {
                services.merge(s.name(), s, ComposeParser::override);
            }
        }
        return new ComposeFile(files.get(0).file(), new ArrayList<>(services.values()));
    }

    private static ComposeService override(ComposeService base, ComposeService o) {
        Set<String> ignored = new LinkedHashSet<>(base.ignoredRules());
        ignored.addAll(o.ignoredRules());
        Build build = base.build();
        if (build == null || o.build() == null) {
            build = build == null ? o.build() : build;
        } else {
            // A parsed Build holds its defaults: a default in the override file does not replace a set value.
            Build b = o.build();
            build = new Build(b.context().equals(Build.DEFAULT_CONTEXT) ? build.context() : b.context(),
                    b.dockerfile().equals(Build.DEFAULT_DOCKERFILE) ? build.dockerfile() : b.dockerfile(),
                    b.target() != null ? b.target() : build.target(),
                    b.dockerfileInline() != null ? b.dockerfileInline() : build.dockerfileInline());
        }
        return new ComposeService(base.name(), base.location(), o.image() != null ? o.image() : base.image(), build,
                o.entrypoint().isPresent() ? o.entrypoint() : base.entrypoint(),
                o.command().isPresent() ? o.command() : base.command(),
                o.init() != null ? o.init() : base.init(), ignored);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private ComposeFile parseMain(String file, String content, Path baseDir) throws ComposeSyntaxException {
        Doc doc = read(file, content, baseDir);
        List<ComposeService> services = new ArrayList<>();
        for (ServiceNode node : doc.services().values()) {
            Draft d = draft(doc, node);
            services.add(new ComposeService(node.name(), node.location(), d.image(),
                    d.build() == null ? null : d.build().toBuild(), d.entrypoint(), d.command(), d.init(),
                    ignoredAbove(doc.lines(), node.location().line())));
        }
        return new ComposeFile(file, services);
    }

    private static Doc read(String file, String content, Path dir) throws ComposeSyntaxException {
        Node root = YamlNodes.load(file, content);
        if (root == null || YamlNodes.isNull(root)) {
            throw new ComposeSyntaxException(Location.of(file, 1), "empty compose file");
        }
        if (!(root instanceof MappingNode rootMap)) {
            throw new ComposeSyntaxException(YamlNodes.at(file, root), "the top level must be a mapping");
        }
        LinkedHashMap<String, ServiceNode> services = new LinkedHashMap<>();
        Entry servicesEntry = YamlNodes.entries(file, rootMap).get("services");
        if (servicesEntry != null && !YamlNodes.isNull(servicesEntry.value())) {
            if (!(servicesEntry.value() instanceof MappingNode servicesMap)) {
                throw new ComposeSyntaxException(YamlNodes.at(file, servicesEntry.value()),
                        "'services' must be a mapping of service names to services");
            }
            for (Entry service : YamlNodes.entries(file, servicesMap).values()) {
                if (service.name().startsWith("x-")) {
                    continue;
                }
                if (!(service.value() instanceof MappingNode serviceMap)) {
                    throw new ComposeSyntaxException(YamlNodes.at(file, service.value()),
                            "service '" + service.name() + "' must be a mapping");
                }
                services.put(service.name(), new ServiceNode(service.name(), YamlNodes.at(file, service.key()),
                        YamlNodes.entries(file, serviceMap)));
            }
        }
        return new Doc(file, dir, content.lines().toList(), services);
    }

    private Draft draft(Doc doc, ServiceNode node) throws ComposeSyntaxException {
        String key = doc.file() + "\0" + node.name();
        Draft done = resolved.get(key);
        if (done != null) {
            return done;
        }
        resolving.add(key);
        Draft own = ownDraft(doc, node);
        Entry ext = node.entries().get("extends");
        if (ext != null) {
            own = extend(doc, node, ext, own);
        }
        resolving.remove(key);
        resolved.put(key, own);
        return own;
    }

    private Draft extend(Doc doc, ServiceNode node, Entry ext, Draft own) throws ComposeSyntaxException {
        Location at = YamlNodes.at(doc.file(), ext.value());
        String serviceName;
        Doc target = doc;
        if (ext.value() instanceof ScalarNode s && !YamlNodes.isNull(s)) {
            serviceName = s.getValue();
        } else if (ext.value() instanceof MappingNode m) {
            Map<String, Entry> fields = YamlNodes.entries(doc.file(), m);
            serviceName = scalar(doc.file(), fields.get("service"), "extends.service");
            if (serviceName == null) {
                throw new ComposeSyntaxException(at, "extends needs a 'service'");
            }
            String otherFile = scalar(doc.file(), fields.get("file"), "extends.file");
            if (otherFile != null) {
                target = otherDoc(doc, otherFile, at);
            }
        } else {
            throw new ComposeSyntaxException(at, "extends must be a service name or a mapping with 'service'");
        }
        ServiceNode base = target.services().get(serviceName);
        if (base == null) {
            throw new ComposeSyntaxException(at, "extends: no service '" + serviceName + "'"
                    + (target == doc ? "" : " in " + target.file()));
        }
        String baseKey = target.file() + "\0" + serviceName;
        if (resolving.contains(baseKey)) {
            List<String> chain = new ArrayList<>();
            boolean inCycle = false;
            for (String k : resolving) {
                inCycle |= k.equals(baseKey);
                if (inCycle) {
                    chain.add(k.substring(k.indexOf('\0') + 1));
                }
            }
            chain.add(serviceName);
            throw new ComposeSyntaxException(at, "extends cycle: " + String.join(" -> ", chain));
        }
        Draft baseDraft = draft(target, base);
        if (target != doc) {
            baseDraft = rebase(baseDraft, doc.dir(), target.dir());
        }
        return baseDraft.overriddenBy(own);
    }

    /** A build context from another file is relative to that file; make it relative to {@code dir}. */
    private static Draft rebase(Draft d, Path dir, Path otherDir) {
        if (d.build() == null || d.build().context() == null || d.build().context().contains("://")
                || d.build().context().contains("${")) {
            return d;
        }
        Path context = Path.of(d.build().context());
        if (context.isAbsolute()) {
            return d;
        }
        String rebased = dir.relativize(otherDir.resolve(context).normalize()).toString();
        BuildDraft b = d.build();
        return new Draft(d.image(), new BuildDraft(rebased.isEmpty() ? "." : rebased, b.dockerfile(), b.target(),
                b.inline()), d.entrypoint(), d.command(), d.init());
    }

    private Doc otherDoc(Doc doc, String otherFile, Location at) throws ComposeSyntaxException {
        if (doc.dir() == null) {
            throw new ComposeSyntaxException(at, "extends.file '" + otherFile
                    + "' cannot be read: the compose file's folder is not known");
        }
        Path path = doc.dir().resolve(otherFile).normalize().toAbsolutePath();
        Doc cached = otherFiles.get(path);
        if (cached != null) {
            return cached;
        }
        String content;
        try {
            content = Files.readString(path);
        } catch (IOException | RuntimeException e) {
            throw new ComposeSyntaxException(at, "extends.file '" + otherFile + "' cannot be read: "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        Doc other = read(path.toString(), content, path.getParent());
        otherFiles.put(path, other);
        return other;
    }

    private static Draft ownDraft(Doc doc, ServiceNode node) throws ComposeSyntaxException {
        String file = doc.file();
        Map<String, Entry> e = node.entries();
        String image = interpolated(file, e.get("image"), "image");
        BuildDraft build = build(file, e.get("build"));
        Optional<CommandSpec> entrypoint = command(file, e.get("entrypoint"));
        Optional<CommandSpec> command = command(file, e.get("command"));
        Boolean init = bool(file, e.get("init"));
        return new Draft(image, build, entrypoint, command, init);
    }

    private static BuildDraft build(String file, Entry entry) throws ComposeSyntaxException {
        if (entry == null || YamlNodes.isNull(entry.value())) {
            return null;
        }
        if (entry.value() instanceof ScalarNode) {
            return new BuildDraft(interpolated(file, entry, "build"), null, null, null);
        }
        if (!(entry.value() instanceof MappingNode m)) {
            throw new ComposeSyntaxException(YamlNodes.at(file, entry.value()),
                    "build must be a path or a mapping");
        }
        Map<String, Entry> f = YamlNodes.entries(file, m);
        return new BuildDraft(interpolated(file, f.get("context"), "build.context"),
                interpolated(file, f.get("dockerfile"), "build.dockerfile"),
                interpolated(file, f.get("target"), "build.target"),
                interpolated(file, f.get("dockerfile_inline"), "build.dockerfile_inline"));
    }

    private static Optional<CommandSpec> command(String file, Entry entry) throws ComposeSyntaxException {
        if (entry == null || YamlNodes.isNull(entry.value())) {
            return Optional.empty();
        }
        Node value = entry.value();
        Location at = YamlNodes.at(file, value);
        if (value instanceof ScalarNode s) {
            String text = Interpolation.apply(s.getValue(), at);
            try {
                return Optional.of(new CommandSpec(ShellWords.split(text), true, at));
            } catch (ShellParseException ex) {
                throw new ComposeSyntaxException(at, entry.name() + ": " + ex.getMessage());
            }
        }
        if (value instanceof SequenceNode seq) {
            List<String> words = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s) || YamlNodes.isNull(item)) {
                    throw new ComposeSyntaxException(YamlNodes.at(file, item),
                            entry.name() + " must be a string or a list of strings");
                }
                words.add(Interpolation.apply(s.getValue(), YamlNodes.at(file, item)));
            }
            return Optional.of(new CommandSpec(words, false, at));
        }
        throw new ComposeSyntaxException(at, entry.name() + " must be a string or a list of strings");
    }

    private static Boolean bool(String file, Entry entry) throws ComposeSyntaxException {
        if (entry == null || YamlNodes.isNull(entry.value())) {
            return null;
        }
        if (entry.value() instanceof ScalarNode s) {
            switch (s.getValue().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> {
                    return true;
                }
                case "false", "no", "off" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw new ComposeSyntaxException(YamlNodes.at(file, entry.value()), entry.name() + " must be true or false");
    }

    private static String interpolated(String file, Entry entry, String what) throws ComposeSyntaxException {
        String text = scalar(file, entry, what);
        return text == null ? null : Interpolation.apply(text, YamlNodes.at(file, entry.value()));
    }

    private static String scalar(String file, Entry entry, String what) throws ComposeSyntaxException {
        if (entry == null || YamlNodes.isNull(entry.value())) {
            return null;
        }
        if (!(entry.value() instanceof ScalarNode s)) {
            throw new ComposeSyntaxException(YamlNodes.at(file, entry.value()), what + " must be a string");
        }
        return s.getValue();
    }

    /** Rule IDs from {@code # initguard ignore=...} on the comment lines directly above line {@code keyLine}. */
    private static Set<String> ignoredAbove(List<String> lines, int keyLine) {
        Set<String> ids = new LinkedHashSet<>();
        for (int line = keyLine - 1; line >= 1 && line <= lines.size(); line--) {
            String text = lines.get(line - 1).strip();
            if (!text.startsWith("#")) {
                break;
            }
            Matcher m = IGNORE.matcher(text);
            if (m.lookingAt()) {
                for (String id : m.group(1).split(",")) {
                    ids.add(id.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        return ids;
    }
}
