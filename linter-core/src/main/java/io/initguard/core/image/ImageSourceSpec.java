package io.initguard.core.image;

import io.initguard.core.catalog.ImageRef;

import java.nio.file.Path;
import java.util.Set;

/**
 * Where an image is, named the way skopeo names it: {@code docker://REF}, {@code docker-daemon:REF},
 * {@code docker-archive:FILE[:REF]}, {@code oci-archive:FILE[:REF]}, {@code oci:DIR[:REF]}. A name without a
 * transport is a registry reference ({@code docker://}). For the file transports the first {@code :} after the
 * transport ends the path, so a path cannot hold one (as in skopeo).
 */
public sealed interface ImageSourceSpec {
    /** The transports skopeo knows that initguard does not read. */
    Set<String> UNSUPPORTED = Set.of("containers-storage", "dir", "ostree", "sif", "tarball");

    /** The canonical name: transport and rest. */
    String name();

    /** A registry image: {@code docker://REF}. */
    record Registry(ImageRef ref) implements ImageSourceSpec {
        @Override
        public String name() {
            return "docker://" + display(ref);
        }
    }

    /** An image in the local Docker engine: {@code docker-daemon:REF} (a name, a name:tag or an image ID). */
    record DockerDaemon(String ref) implements ImageSourceSpec {
        @Override
        public String name() {
            return "docker-daemon:" + ref;
        }
    }

    /** A {@code docker save} tarball: {@code docker-archive:FILE[:REF]}; ref null when not given. */
    record DockerArchive(Path file, String ref) implements ImageSourceSpec {
        @Override
        public String name() {
            return "docker-archive:" + file + (ref == null ? "" : ":" + ref);
        }
    }

    /** A tar of an OCI layout: {@code oci-archive:FILE[:REF]}; ref null when not given. */
    record OciArchive(Path file, String ref) implements ImageSourceSpec {
        @Override
        public String name() {
            return "oci-archive:" + file + (ref == null ? "" : ":" + ref);
        }
    }

    /** An OCI layout folder: {@code oci:DIR[:REF]}; ref null when not given. */
    record OciLayout(Path dir, String ref) implements ImageSourceSpec {
        @Override
        public String name() {
            return "oci:" + dir + (ref == null ? "" : ":" + ref);
        }
    }

    /**
     * Parses a name.
     *
     * @throws IllegalArgumentException with a one-line message for an empty name, an unknown or unsupported
     *                                  transport, a missing path or an invalid reference
     */
    static ImageSourceSpec parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("image name is empty");
        String s = text.strip();
        if (s.startsWith("docker://")) return new Registry(ref(text, s.substring("docker://".length())));
        int colon = s.indexOf(':');
        String transport = colon < 0 ? "" : s.substring(0, colon);
        String rest = colon < 0 ? "" : s.substring(colon + 1);
        switch (transport) {
            case "docker-daemon" -> {
                if (rest.isEmpty()) throw bad(text, "docker-daemon: needs an image name or ID");
                if (rest.matches("(sha256:)?[0-9a-f]{12,64}")) return new DockerDaemon(rest);
                ref(text, rest);
                return new DockerDaemon(rest);
            }
            case "docker-archive" -> {
                String[] p = pathAndRef(text, transport, rest);
                if (p[1] != null) ref(text, p[1]);
                return new DockerArchive(Path.of(p[0]), p[1]);
            }
            case "oci-archive" -> {
                String[] p = pathAndRef(text, transport, rest);
                return new OciArchive(Path.of(p[0]), p[1]);
            }
            case "oci" -> {
                String[] p = pathAndRef(text, transport, rest);
                return new OciLayout(Path.of(p[0]), p[1]);
            }
            case "docker" -> throw bad(text, "write docker://REF for a registry image");
            default -> {
                if (UNSUPPORTED.contains(transport)) {
                    throw bad(text, "the transport '" + transport + "' is not supported; use docker://, "
                            + "docker-daemon:, docker-archive:, oci-archive: or oci:");
                }
                return new Registry(ref(text, s));
            }
        }
    }

    private static ImageRef ref(String text, String ref) {
        try {
            return ImageRef.parse(ref);
        } catch (RuntimeException e) {
            throw bad(text, e.getMessage() == null ? "not an image reference" : e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** {@code FILE[:REF]}: the path, then the reference or null. */
    private static String[] pathAndRef(String text, String transport, String rest) {
        int colon = rest.indexOf(':');
        String path = colon < 0 ? rest : rest.substring(0, colon);
        String ref = colon < 0 ? null : rest.substring(colon + 1);
        if (path.isEmpty()) throw bad(text, transport + ": needs a path");
        if (ref != null && ref.isEmpty()) throw bad(text, "the reference after the path is empty");
        return new String[]{path, ref};
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("not an image name: '" + text + "': " + why);
    }

    private static String display(ImageRef r) {
        return r.registry() + "/" + r.path() + (r.tag().isEmpty() ? "" : ":" + r.tag())
                + (r.digest().isEmpty() ? "" : "@" + r.digest());
    }
}
