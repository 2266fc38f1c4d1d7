package io.initguard.core.resolve;

import io.initguard.core.shell.ShellKind;

import java.util.Optional;

/** What the process resolver needs to know of the image a command runs in. */
public interface ImageView {
    /** What {@code /bin/sh} is. */
    ShellKind binSh();

    /**
     * The file a program name refers to: an absolute path, a path relative to the working directory, or a bare name
     * looked up in PATH. Empty when the resolver knows nothing of it.
     */
    Optional<ImageFile> file(String program);

    /**
     * Whether the view holds every file of the image, so that a file it does not find is not there (an image read
     * from its layers); false when it knows only some files (a catalogue entry, a Dockerfile's build context).
     */
    default boolean complete() {
        return false;
    }

    /** An image of which nothing is known (no files, unknown shell). */
    ImageView UNKNOWN = new ImageView() {
        @Override
        public ShellKind binSh() {
            return ShellKind.UNKNOWN;
        }

        @Override
        public Optional<ImageFile> file(String program) {
            return Optional.empty();
        }
    };
}
