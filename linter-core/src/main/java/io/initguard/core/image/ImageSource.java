package io.initguard.core.image;

import java.io.InputStream;

/**
 * Where an image lives (a registry, a Docker engine, an archive, an OCI layout), as skopeo names them:
 * {@code docker://REF}, {@code docker-daemon:REF}, {@code docker-archive:FILE}, {@code oci-archive:FILE},
 * {@code oci:DIR}. Implementations fetch lazily: nothing before {@link #manifest()}, no layer before
 * {@link #openBlob(Descriptor)}.
 */
public interface ImageSource extends AutoCloseable {
    /** The image as named for reports: {@code docker://registry.example/app:1.2}. */
    String name();

    /** The manifest of the chosen platform (an index is resolved to one manifest). */
    ImageManifest manifest() throws ImageException;

    /** The config blob, parsed. */
    ImageConfig config() throws ImageException;

    /** A blob's content as stored (layers still compressed). The caller closes it. */
    InputStream openBlob(Descriptor blob) throws ImageException;

    @Override
    default void close() throws ImageException {
    }
}
