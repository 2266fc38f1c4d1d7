package io.initguard.core.resolve;

/** What the resolver knows of one file in an image. */
public sealed interface ImageFile {
    /** Where the file came from, for people: {@code build context docker-entrypoint.sh}, {@code base image node:22}. */
    String origin();

    /** A text file (a script) whose content is known. */
    record Text(String content, String origin) implements ImageFile {
    }

    /** A file that is there, but whose content is not text the resolver can read (a binary, an archive). */
    record Opaque(String origin) implements ImageFile {
    }

    /** A file that should be there (COPY from the build context) but could not be read. */
    record Unreadable(String origin, String reason) implements ImageFile {
    }
}
