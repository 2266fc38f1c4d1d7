package io.initguard.cli;

import io.initguard.core.config.ConfigLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds what to lint under the paths given on the command line, skipping {@code .git} and what {@code .gitignore}
 * files ignore: Dockerfiles ({@code Dockerfile}, {@code Containerfile}, {@code *.Dockerfile}, {@code *.dockerfile},
 * {@code Dockerfile.*}, not {@code *.dockerignore}); compose files ({@code compose.yaml}, {@code compose.yml},
 * {@code docker-compose.yaml}, {@code docker-compose.yml}, with their {@code .override} files merged as compose does);
 * Helm charts (a folder with {@code Chart.yaml}, not searched further); and other {@code *.yaml}/{@code *.yml} files
 * as Kubernetes manifests (documents that are not pod-bearing objects are skipped).
 */
final class InputFinder {
    /** What an input is. */
    enum Kind {
        DOCKERFILE, COMPOSE, KUBERNETES, CHART
    }

    /** A file (or chart folder) to lint: where it is, the path to report, and what it is. */
    record Input(Path path, String reported, Kind kind) {
    }

    static final List<String> COMPOSE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");

    /** What a file of this name is, when given by name or found under a folder; null for none of ours. */
    static Kind kindOf(String name) {
        if (isDockerfileName(name)) return Kind.DOCKERFILE;
        if (COMPOSE_NAMES.contains(name)) return Kind.COMPOSE;
        if (isComposeOverride(name) || ConfigLoader.NAMES.contains(name) || name.startsWith(".pre-commit")) return null;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) return Kind.KUBERNETES;
        return null;
    }

    /** {@code compose.override.yaml} and the like: merged into their compose file, never linted alone. */
    static boolean isComposeOverride(String name) {
        for (String c : COMPOSE_NAMES) {
            int dot = c.lastIndexOf('.');
            if (name.equals(c.substring(0, dot) + ".override" + c.substring(dot))) return true;
        }
        return false;
    }

    /** The override file compose merges into {@code composeFile} by default, if there is one. */
    static Path overrideOf(Path composeFile) {
        String name = composeFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (String ext : List.of(".yaml", ".yml")) {
            Path o = composeFile.resolveSibling(name.substring(0, dot) + ".override" + ext);
            if (Files.isRegularFile(o)) return o;
        }
        return null;
    }

    /** The compose file that {@code override} ({@code compose.override.yaml}) overrides, if it is there. */
    static Path baseOf(Path override) {
        String name = override.getFileName().toString();
        String stem = name.substring(0, name.indexOf(".override"));
        for (String ext : List.of(".yaml", ".yml")) {
            Path b = override.resolveSibling(stem + ext);
            if (Files.isRegularFile(b)) return b;
        }
        return null;
    }

    static boolean isChart(Path dir) {
        return Files.isRegularFile(dir.resolve("Chart.yaml"));
    }

    /**
     * Suffixes of {@code Dockerfile.*} names that are source code or documents about Dockerfiles, not Dockerfiles
     * ({@code Dockerfile.java} in a parser's source, {@code Dockerfile.md}); {@code Dockerfile.dev} and the like are.
     */
    private static final java.util.Set<String> NOT_DOCKERFILE_SUFFIXES = java.util.Set.of("java", "kt", "scala", "go",
            "rs", "py", "rb", "js", "ts", "c", "h", "cpp", "cs", "php", "pl", "md", "txt", "rst", "adoc", "html", "json",
            "yaml", "yml", "toml", "xml", "j2", "tmpl", "tpl", "erb", "sh", "bak", "orig", "rej", "swp", "class");

    static boolean isDockerfileName(String name) {
        if (name.endsWith(".dockerignore")) return false;
        for (String base : new String[]{"Dockerfile.", "Containerfile."}) {
            if (name.startsWith(base)) {
                String suffix = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
                return !NOT_DOCKERFILE_SUFFIXES.contains(suffix);
            }
        }
        return name.equals("Dockerfile") || name.equals("Containerfile") || name.endsWith(".Dockerfile")
                || name.endsWith(".dockerfile");
    }

    /** The Dockerfiles under folder {@code root}, sorted, reported as {@code arg/relative/path}. */
    static List<Input> under(Path root, String arg) throws IOException {
        List<Input> out = new ArrayList<>();
        List<GitIgnore> inherited = new ArrayList<>();
        Path abs = root.toAbsolutePath().normalize();
        List<Path> ancestors = new ArrayList<>();
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            ancestors.addFirst(p);
            if (Files.exists(p.resolve(".git"))) break;
        }
        if (!Files.exists(abs.resolve(".git"))) {
            boolean inRepo = ancestors.stream().anyMatch(p -> Files.exists(p.resolve(".git")));
            if (inRepo) {
                for (Path p : ancestors) {
                    GitIgnore g = GitIgnore.in(p);
                    if (g != null) inherited.add(g);
                }
            }
        }
        if (isChart(abs)) {
            out.add(new Input(abs, arg, Kind.CHART));
            return out;
        }
        walk(abs, abs, arg, inherited, out);
        return out;
    }

    private static void walk(Path root, Path dir, String arg, List<GitIgnore> ignores, List<Input> out)
            throws IOException {
        List<GitIgnore> here = ignores;
        GitIgnore g = GitIgnore.in(dir);
        if (g != null) {
            here = new ArrayList<>(ignores);
            here.add(g);
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            boolean isDir = Files.isDirectory(child);
            if (isDir && name.equals(".git")) continue;
            if (ignored(here, child, isDir)) continue;
            String reported = Path.of(arg).resolve(root.relativize(child).toString()).toString();
            if (isDir) {
                if (Files.isSymbolicLink(child)) continue;
                if (isChart(child)) out.add(new Input(child, reported, Kind.CHART));
                else walk(root, child, arg, here, out);
            } else {
                Kind kind = kindOf(name);
                if (kind != null && Files.isRegularFile(child)) out.add(new Input(child, reported, kind));
            }
        }
    }

    private static boolean ignored(List<GitIgnore> ignores, Path p, boolean isDir) {
        Boolean result = null;
        for (GitIgnore g : ignores) {
            Boolean r = g.ignores(p, isDir);
            if (r != null) result = r;
        }
        return Boolean.TRUE.equals(result);
    }
}
