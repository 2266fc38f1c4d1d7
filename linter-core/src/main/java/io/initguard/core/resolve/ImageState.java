package io.initguard.core.resolve;

import io.initguard.core.model.Glob;
import io.initguard.core.model.ImagePath;

import io.initguard.core.dockerfile.Instruction;
import io.initguard.core.shell.ShellKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the resolver knows of an image while it builds one up from a Dockerfile: the config (ENTRYPOINT, CMD, SHELL,
 * WORKDIR), what {@code /bin/sh} is, and the files that matter (scripts copied in, inits installed).
 */
final class ImageState implements ImageView {
    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");
    static final List<String> PATH = ImagePath.DEFAULT_PATH;
    private static final long MAX_SCRIPT_BYTES = 256 * 1024;

    /** A folder of the build context copied to a folder of the image, optionally only the names a glob matches. */
    record DirCopy(Path contextDir, String imageDir, Glob glob, String origin) {
    }

    String description;
    /** False when the base image is not known: its ENTRYPOINT, CMD and files are then unknown. */
    boolean known = true;
    ImageCommand entrypoint;
    ImageCommand cmd;
    /** True while CMD is that of an unknown base image. */
    boolean cmdUnknown;
    boolean entrypointUnknown;
    List<String> shell = DEFAULT_SHELL;
    ShellKind binSh = ShellKind.UNKNOWN;
    String workdir = "/";
    final Map<String, ImageFile> files = new LinkedHashMap<>();
    final List<DirCopy> dirCopies = new ArrayList<>();
    final List<Observation.InitInstalled> installedInits = new ArrayList<>();
    /** Catalogue names of inits the base image carries. */
    final List<String> baseInits = new ArrayList<>();
    final List<Instruction> onbuild = new ArrayList<>();
    /** The files of the base image, asked when the stage itself has no file of the name; null for none. */
    ImageView baseView;

    ImageState copy() {
        ImageState c = new ImageState();
        c.description = description;
        c.known = known;
        c.entrypoint = entrypoint;
        c.cmd = cmd;
        c.cmdUnknown = cmdUnknown;
        c.entrypointUnknown = entrypointUnknown;
        c.shell = shell;
        c.binSh = binSh;
        c.workdir = workdir;
        c.files.putAll(files);
        c.dirCopies.addAll(dirCopies);
        c.installedInits.addAll(installedInits);
        c.baseInits.addAll(baseInits);
        c.onbuild.addAll(onbuild);
        c.baseView = baseView;
        return c;
    }

    @Override
    public ShellKind binSh() {
        return binSh;
    }

    @Override
    public Optional<ImageFile> file(String program) {
        if (program == null || program.isEmpty()) return Optional.empty();
        List<String> candidates = ImagePath.candidates(program, workdir, PATH);
        for (String candidate : candidates) {
            Optional<ImageFile> f = at(candidate);
            if (f.isPresent()) return f;
        }
        if (baseView == null) return Optional.empty();
        return baseView.file(program.contains("/") ? candidates.getFirst() : program);
    }

    private Optional<ImageFile> at(String path) {
        ImageFile f = files.get(path);
        if (f != null) return Optional.of(f);
        for (int i = dirCopies.size() - 1; i >= 0; i--) {
            DirCopy d = dirCopies.get(i);
            String prefix = d.imageDir().equals("/") ? "/" : d.imageDir() + "/";
            if (!path.startsWith(prefix)) continue;
            String rel = path.substring(prefix.length());
            if (d.glob() != null && (rel.contains("/") || !d.glob().matches(rel))) continue;
            Path p = d.contextDir().resolve(rel).normalize();
            if (!p.startsWith(d.contextDir()) || !Files.isRegularFile(p)) continue;
            return Optional.of(readContextFile(p, d.origin() + " " + rel));
        }
        return Optional.empty();
    }

    static ImageFile readContextFile(Path p, String origin) {
        try {
            if (Files.size(p) > MAX_SCRIPT_BYTES) return new ImageFile.Opaque(origin);
            byte[] bytes = Files.readAllBytes(p);
            if (bytes.length >= 2 && bytes[0] == '#' && bytes[1] == '!') {
                return new ImageFile.Text(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\r\n", "\n"), origin);
            }
            return new ImageFile.Opaque(origin);
        } catch (java.io.IOException e) {
            return new ImageFile.Unreadable(origin, e.getMessage());
        }
    }

    static String join(String dir, String rel) {
        if (rel.startsWith("/")) return rel;
        return dir.endsWith("/") ? dir + rel : dir + "/" + rel;
    }

    /** An absolute, normal path in the image ({@code .} and {@code ..} resolved, no trailing slash). */
    static String normalise(String path) {
        return ImagePath.normalise(path.startsWith("/") ? path : "/" + path);
    }
}
