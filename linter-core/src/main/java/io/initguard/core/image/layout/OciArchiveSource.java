package io.initguard.core.image.layout;

import io.initguard.core.image.ImageException;
import io.initguard.core.image.Platform;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * An image in a tar of an OCI image layout: {@code oci-archive:FILE[:REF]}. The tar's headers are indexed once when
 * it is opened; blobs are then read from the tar by offset, never unpacked.
 */
public final class OciArchiveSource extends OciLayoutBase {
    private final TarIndex tar;

    /**
     * @param ref      the {@code org.opencontainers.image.ref.name} to pick, or null for the only image
     * @param platform the platform to pick from an index (null: linux/amd64)
     */
    public OciArchiveSource(Path file, String ref, Platform platform) throws ImageException {
        super("oci-archive:" + file + (ref == null || ref.isEmpty() ? "" : ":" + ref), ref, platform);
        this.tar = TarIndex.open(file, name());
    }

    @Override
    byte[] readFile(String path, long limit) throws ImageException {
        return tar.bytes(path, limit);
    }

    @Override
    SeekableByteChannel openFile(String path) throws ImageException {
        return tar.channel(path);
    }

    @Override
    public void close() {
        tar.close();
    }
}
