package io.initguard.core.catalog;

import io.initguard.core.model.ImagePath;

import io.initguard.core.catalog.CatalogYaml.Located;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue of known inits (inits.yaml), and how a program in an ENTRYPOINT or command is recognised as one.
 *
 * <p>{@link #find(String)} looks a program up first by its exact absolute path among the entries' {@code paths}
 * (after collapsing {@code //} and {@code .}), then by its base name among their {@code programs}. So
 * {@code /usr/bin/tini}, {@code tini}, {@code /opt/x/tini-static} are tini, and {@code /init} is s6-overlay (listed
 * only as a path, because its base name is generic).
 *
 * <p>A bare {@code init} and {@code /sbin/init} are deliberately <em>not</em> in the catalogue, so {@code find}
 * returns empty for them: {@code /sbin/init} is a symlink whose target depends on the image (systemd when
 * {@code systemd-sysv} is installed, sysvinit's {@code init}, busybox's {@code init} on Alpine, nothing at all in
 * most images). A caller that knows the installed packages decides it, e.g. with {@link #byPackage(String)}
 * ({@code systemd-sysv} gives systemd).
 *
 * <p>Entries are kept in order; when two entries claim the same path or program (possible only after
 * {@link #merge(InitCatalog)}), the earlier one wins.
 */
public final class InitCatalog {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final List<InitSpec> entries;
    private final Map<String, InitSpec> byName = new HashMap<>();
    private final Map<String, InitSpec> byPath = new HashMap<>();
    private final Map<String, InitSpec> byProgram = new HashMap<>();

    private InitCatalog(List<InitSpec> entries) {
        this.entries = List.copyOf(entries);
        for (InitSpec spec : this.entries) {
            byName.putIfAbsent(spec.name(), spec);
            spec.paths().forEach(p -> byPath.putIfAbsent(ImagePath.normalise(p), spec));
            spec.programs().forEach(p -> byProgram.putIfAbsent(p, spec));
        }
    }

    /** A catalogue of the given entries, in order (earlier entries win lookups). */
    public static InitCatalog of(List<InitSpec> entries) {
        return new InitCatalog(entries);
    }

    /**
     * Reads a catalogue: a YAML mapping {@code inits:} with a list of entries (keys as in {@link InitSpec}).
     *
     * @param sourceName the file name used in error messages
     * @throws CatalogException for malformed YAML, unknown or missing keys, invalid values, or a name, path or program
     *                          claimed by two entries; the message is {@code file:line:col: reason}
     */
    public static InitCatalog load(InputStream yaml, String sourceName) {
        List<InitSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> claimed = new HashMap<>();
        for (Located<Entry> located : CatalogYaml.readEntries(yaml, sourceName, "inits", Entry.class)) {
            InitSpec spec = located.value().toSpec(located);
            if (!names.add(spec.name())) throw located.error("duplicate init '" + spec.name() + "'");
            for (String key : spec.paths()) claim(claimed, "path " + key, spec, located);
            for (String key : spec.programs()) claim(claimed, "program " + key, spec, located);
            specs.add(spec);
        }
        return new InitCatalog(specs);
    }

    private static void claim(Map<String, String> claimed, String key, InitSpec spec, Located<?> where) {
        String previous = claimed.putIfAbsent(key, spec.name());
        if (previous != null && !previous.equals(spec.name())) {
            throw where.error(key + " of '" + spec.name() + "' is already listed under '" + previous + "'");
        }
    }

    /** This catalogue with {@code extra}'s entries added; an extra entry replaces one of the same name and wins lookups. */
    public InitCatalog merge(InitCatalog extra) {
        List<InitSpec> merged = new ArrayList<>(extra.entries);
        for (InitSpec spec : entries) {
            if (!extra.byName.containsKey(spec.name())) merged.add(spec);
        }
        return new InitCatalog(merged);
    }

    /**
     * The init a program (an absolute path, a relative path or a bare name) is, if it is a known one.
     * See the class comment for the order and for {@code init} and {@code /sbin/init}.
     */
    public Optional<InitSpec> find(String program) {
        if (program == null || program.isBlank()) return Optional.empty();
        String normalised = ImagePath.normalise(program.trim());
        if (normalised.startsWith("/")) {
            InitSpec spec = byPath.get(normalised);
            if (spec != null) return Optional.of(spec);
        }
        String base = normalised.substring(normalised.lastIndexOf('/') + 1);
        return Optional.ofNullable(byProgram.get(base));
    }

    /** The entry of that catalogue name ({@code tini}, {@code s6-overlay}). */
    public Optional<InitSpec> byName(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The first entry an OS package installs ({@code tini}, {@code dumb-init}, {@code systemd-sysv}). */
    public Optional<InitSpec> byPackage(String pkg) {
        return entries.stream().filter(e -> e.packages().contains(pkg)).findFirst();
    }

    /** All entries, in catalogue order. */
    public List<InitSpec> all() {
        return entries;
    }

    /** One entry as written in the YAML file. */
    record Entry(String name, List<String> programs, List<String> paths, List<String> packages, Boolean doubleDash,
                 Boolean mustBePid1, List<String> optionsWithArg, List<String> flags, String description,
                 String source) {
        InitSpec toSpec(Located<Entry> where) {
            if (CatalogYaml.blank(name) || !NAME.matcher(name).matches()) {
                throw where.error("init name '" + name + "' must be lowercase letters, digits, '.', '_' or '-'");
            }
            String what = "init '" + name + "': ";
            List<String> progs = CatalogYaml.orEmpty(programs);
            List<String> abs = CatalogYaml.orEmpty(paths);
            for (String p : progs) {
                if (CatalogYaml.blank(p) || p.contains("/")) {
                    throw where.error(what + "program '" + p + "' must be a base name without '/'");
                }
            }
            for (String p : abs) {
                if (CatalogYaml.blank(p) || !p.startsWith("/") || !ImagePath.normalise(p).equals(p)) {
                    throw where.error(what + "path '" + p + "' must be a normalised absolute path");
                }
            }
            if (progs.isEmpty() && abs.isEmpty()) throw where.error(what + "needs at least one program or path");
            if (doubleDash == null) throw where.error(what + "missing 'doubleDash'");
            if (mustBePid1 == null) throw where.error(what + "missing 'mustBePid1'");
            List<String> withArg = CatalogYaml.orEmpty(optionsWithArg);
            List<String> noArg = CatalogYaml.orEmpty(flags);
            for (String o : CatalogYaml.concat(withArg, noArg)) {
                if (CatalogYaml.blank(o) || !o.startsWith("-")) {
                    throw where.error(what + "option '" + o + "' must start with '-'");
                }
            }
            for (String p : CatalogYaml.orEmpty(packages)) {
                if (CatalogYaml.blank(p)) throw where.error(what + "a package name is empty");
            }
            if (CatalogYaml.blank(description)) throw where.error(what + "missing 'description'");
            if (CatalogYaml.blank(source)) throw where.error(what + "missing 'source'");
            return new InitSpec(name, progs, abs, CatalogYaml.orEmpty(packages), doubleDash, mustBePid1, withArg,
                    description.trim(), noArg, source.trim());
        }
    }

    @Override
    public String toString() {
        return "InitCatalog" + entries.stream().map(InitSpec::name).toList();
    }
}
