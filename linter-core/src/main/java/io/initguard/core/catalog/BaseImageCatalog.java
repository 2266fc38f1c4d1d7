package io.initguard.core.catalog;

import io.initguard.core.model.Glob;

import io.initguard.core.catalog.CatalogYaml.Located;
import io.initguard.core.shell.ShellKind;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The catalogue of well-known base images (base-images.yaml): what an image runs by default, so the PID-1 chain of a
 * Dockerfile that sets no ENTRYPOINT/CMD can still be resolved.
 *
 * <p>{@link #lookup(ImageRef)} tries the entries whose repository equals the reference's normalised repository
 * ({@link ImageRef#repository()}), in catalogue order, then the family entries (repository ending in {@code *}, a
 * prefix) that match it, longest prefix first. The first entry with a tag glob ({@code *}, {@code ?}) matching the tag
 * wins. A digest-only reference has no tag: it matches only entries whose tags include the catch-all {@code *}.
 */
public final class BaseImageCatalog {
    private static final Pattern TAG_GLOB = Pattern.compile("[\\w.*?-]+");

    private final List<BaseImage> entries;

    private BaseImageCatalog(List<BaseImage> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A catalogue of the given entries, in order (earlier entries win lookups). */
    public static BaseImageCatalog of(List<BaseImage> entries) {
        return new BaseImageCatalog(entries);
    }

    /**
     * Reads a catalogue: a YAML mapping {@code images:} with a list of entries (keys as in {@link BaseImage}).
     * Repositories are normalised as {@link ImageRef} does ({@code docker.io/library/python} becomes {@code python}).
     *
     * @param sourceName the file name used in error messages
     * @throws CatalogException for malformed YAML, unknown or missing keys or invalid values; the message is
     *                          {@code file:line:col: reason}
     */
    public static BaseImageCatalog load(InputStream yaml, String sourceName) {
        List<BaseImage> images = new ArrayList<>();
        for (Located<Entry> located : CatalogYaml.readEntries(yaml, sourceName, "images", Entry.class)) {
            images.add(located.value().toBaseImage(located));
        }
        return new BaseImageCatalog(images);
    }

    /** This catalogue with {@code extra}'s entries in front: for the same repository and tag, extra entries win. */
    public BaseImageCatalog merge(BaseImageCatalog extra) {
        List<BaseImage> merged = new ArrayList<>(extra.entries);
        merged.addAll(entries);
        return new BaseImageCatalog(merged);
    }

    /** What the referenced image runs by default, if the catalogue knows it. */
    public Optional<BaseImage> lookup(ImageRef ref) {
        return cache.computeIfAbsent(ref, this::find);
    }

    /** Lookups are pure and the same few images recur in every repository: remember them. */
    private final java.util.concurrent.ConcurrentMap<ImageRef, Optional<BaseImage>> cache =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Optional<BaseImage> find(ImageRef ref) {
        String repository = ref.repository();
        List<BaseImage> candidates = new ArrayList<>();
        entries.stream().filter(e -> e.repository().equals(repository)).forEach(candidates::add);
        entries.stream()
                .filter(e -> isFamily(e.repository()) && repository.startsWith(familyPrefix(e.repository())))
                .sorted(Comparator.comparingInt((BaseImage e) -> e.repository().length()).reversed())
                .forEach(candidates::add);
        for (BaseImage candidate : candidates) {
            boolean matches = ref.hasTag()
                    ? candidate.tags().stream().anyMatch(glob -> globMatches(glob, ref.tag()))
                    : candidate.tags().contains("*");
            if (matches) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** All entries, in catalogue order. */
    public List<BaseImage> all() {
        return entries;
    }

    /** Whether a tag glob matches a tag: {@code *} is any run of characters, {@code ?} one character. */
    static boolean globMatches(String glob, String tag) {
        return Glob.of(glob).matches(tag);
    }

    private static boolean isFamily(String repository) {
        return repository.endsWith("*");
    }

    private static String familyPrefix(String repository) {
        return repository.substring(0, repository.length() - 1);
    }

    /** One entry as written in the YAML file. */
    record Entry(String repository, List<String> tags, List<String> entrypoint, List<String> cmd, String shell,
                 Map<String, String> scripts, List<String> inits, String source, String checked) {
        BaseImage toBaseImage(Located<Entry> where) {
            if (CatalogYaml.blank(repository)) throw where.error("missing 'repository'");
            String what = "image '" + repository + "': ";
            String normalised = normaliseRepository(repository, what, where);
            List<String> globs = CatalogYaml.orEmpty(tags);
            if (globs.isEmpty()) throw where.error(what + "needs at least one tag pattern in 'tags'");
            for (String glob : globs) {
                if (glob == null || !TAG_GLOB.matcher(glob).matches()) {
                    throw where.error(what + "tag pattern '" + glob + "' may hold only tag characters, '*' and '?'");
                }
            }
            ShellKind kind = ShellKind.parse(shell);
            if (kind == ShellKind.UNKNOWN) {
                throw where.error(what + "'shell' is '" + shell + "'; expected one of dash, bash, busybox, none");
            }
            Map<String, String> texts = scripts == null ? Map.of() : scripts;
            texts.forEach((path, text) -> {
                if (path == null || !path.startsWith("/")) {
                    throw where.error(what + "script path '" + path + "' must be absolute");
                }
                if (CatalogYaml.blank(text)) throw where.error(what + "script '" + path + "' has no text");
            });
            for (String init : CatalogYaml.orEmpty(inits)) {
                if (CatalogYaml.blank(init)) throw where.error(what + "an init name is empty");
            }
            for (String arg : CatalogYaml.concat(CatalogYaml.orEmpty(entrypoint), CatalogYaml.orEmpty(cmd))) {
                if (arg == null) throw where.error(what + "'entrypoint' and 'cmd' may not hold null");
            }
            if (CatalogYaml.blank(source)) throw where.error(what + "missing 'source'");
            if (CatalogYaml.blank(checked)) throw where.error(what + "missing 'checked'");
            try {
                LocalDate.parse(checked.trim());
            } catch (DateTimeParseException e) {
                throw where.error(what + "'checked' is '" + checked + "'; expected a date like 2026-12-01");
            }
            return new BaseImage(normalised, globs, CatalogYaml.orEmpty(entrypoint), CatalogYaml.orEmpty(cmd), kind,
                    texts, CatalogYaml.orEmpty(inits), source.trim(), checked.trim());
        }

        private static String normaliseRepository(String repository, String what, Located<Entry> where) {
            String name = repository.trim();
            boolean family = name.endsWith("*");
            String prefix = family ? name.substring(0, name.length() - 1) : name;
            if (prefix.contains("*")) throw where.error(what + "'*' is allowed only at the end of the repository");
            if (prefix.contains("@") || prefix.lastIndexOf(':') > prefix.lastIndexOf('/')) {
                throw where.error(what + "the repository must not carry a tag or digest; put tags in 'tags'");
            }
            String checkable = prefix.replaceAll("[/._-]+$", "");
            ImageRef ref;
            try {
                ref = ImageRef.parse(checkable);
            } catch (ImageRefException e) {
                throw where.error(e.getMessage());
            }
            if (!family) return ref.repository();
            // Keep what followed the checked part ('/' of "gcr.io/distroless/*", '-' of "foo-*").
            return ref.repository() + prefix.substring(checkable.length()) + "*";
        }
    }

    @Override
    public String toString() {
        return "BaseImageCatalog" + entries.stream().map(e -> e.repository() + ":" + e.tags()).toList();
    }
}
