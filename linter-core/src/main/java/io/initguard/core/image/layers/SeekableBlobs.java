package io.initguard.core.image.layers;

import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageSource;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

/**
 * An image source whose blobs lie on disk (an OCI layout, a tarball) and can be opened with random access. An
 * uncompressed layer opened this way is indexed by reading its tar headers only: the data of files that are no
 * small scripts is never read, only skipped by changing the position.
 */
public interface SeekableBlobs extends ImageSource {
    /** The blob as a read-only channel positioned at 0; the caller closes it. */
    SeekableByteChannel openSeekable(Descriptor blob) throws ImageException;

    /** The blob as a stream over {@link #openSeekable(Descriptor)}. */
    @Override
    default InputStream openBlob(Descriptor blob) throws ImageException {
        return Channels.newInputStream(openSeekable(blob));
    }
}
