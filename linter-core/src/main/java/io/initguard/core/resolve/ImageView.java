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
