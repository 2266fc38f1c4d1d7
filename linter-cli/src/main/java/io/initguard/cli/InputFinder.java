package io.initguard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the Dockerfiles under the paths given on the command line: {@code Dockerfile}, {@code Containerfile},
 * {@code *.Dockerfile}, {@code *.dockerfile}, {@code Dockerfile.*} (not {@code *.dockerignore}), skipping {@code .git}
 * and what {@code .gitignore} files ignore.
 */
final class InputFinder {
    /** A file to lint: where it is, and the path to report (the argument joined with the path found under it). */
    record Input(Path path, String reported) {
    }

    static boolean isDockerfileName(String name) {
        if (name.endsWith(".dockerignore")) return false;
        return name.equals("Dockerfile") || name.equals("Containerfile") || name.endsWith(".Dockerfile")
                || name.endsWith(".dockerfile") || name.startsWith("Dockerfile.") || name.startsWith("Containerfile.");
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
            if (isDir) {
                if (!Files.isSymbolicLink(child)) walk(root, child, arg, here, out);
            } else if (isDockerfileName(name) && Files.isRegularFile(child)) {
                String rel = root.relativize(child).toString();
                out.add(new Input(child, Path.of(arg).resolve(rel).toString()));
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
