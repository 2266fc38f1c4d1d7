package io.initguard.core.image.layers;

import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageException;

import java.nio.channels.SeekableByteChannel;

/**
 * An image source whose blobs lie on disk (an OCI layout, a tarball) and can be opened with random access. An
 * uncompressed layer opened this way is indexed by reading its tar headers only: the data of files that are no
 * small scripts is never read, only skipped by changing the position.
 */
public interface SeekableBlobs {
    /** The blob as a read-only channel positioned at 0; the caller closes it. */
    SeekableByteChannel openSeekable(Descriptor blob) throws ImageException;
}
