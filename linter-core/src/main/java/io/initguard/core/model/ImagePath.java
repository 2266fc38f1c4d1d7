package io.initguard.core.model;

import java.util.ArrayList;
import java.util.List;

/** Paths inside a container image (always {@code /}-separated, whatever the host). */
public final class ImagePath {
    /** Docker's PATH when an image sets none. */
    public static final List<String> DEFAULT_PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
            "/sbin", "/bin");

    private ImagePath() {
    }

    /**
     * The files a program name may be, in the order they are tried when the container starts: an absolute path as it
     * is, a relative one under the working directory, a bare name in each folder of PATH. Normal absolute paths.
     */
    public static List<String> candidates(String program, String workdir, List<String> path) {
        if (program.startsWith("/")) return List.of(normalise(program));
        if (program.contains("/")) {
            String wd = workdir == null || workdir.isEmpty() ? "/" : workdir;
            return List.of(normalise((wd.startsWith("/") ? wd : "/" + wd) + "/" + program));
        }
        List<String> out = new ArrayList<>(path.size());
        for (String dir : path) out.add(normalise(dir + "/" + program));
        return out;
    }

    /**
     * Removes empty and {@code .} components, resolves {@code ..} (never above {@code /}) and drops a trailing slash;
     * relative paths stay relative. Already normal paths (the usual case) are returned as they are.
     */
    public static String normalise(String path) {
        if (isNormal(path)) return path;
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.getLast().equals("..")) parts.removeLast();
                else if (!absolute) parts.add(part);
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined;
    }

    private static boolean isNormal(String path) {
        if (path.isEmpty() || path.endsWith("/") && path.length() > 1) return false;
        return !path.contains("//") && !path.contains("/./") && !path.contains("/../") && !path.startsWith("./")
                && !path.startsWith("../") && !path.endsWith("/.") && !path.endsWith("/..") && !path.equals(".")
                && !path.equals("..");
    }
}
