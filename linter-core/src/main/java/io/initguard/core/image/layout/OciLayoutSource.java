package io.initguard.core.image.layout;

import io.initguard.core.image.ImageException;
import io.initguard.core.image.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An image in an OCI image layout folder: {@code oci:DIR[:REF]}. */
public final class OciLayoutSource extends OciLayoutBase {
    private final Path dir;

    /**
     * @param ref      the {@code org.opencontainers.image.ref.name} to pick, or null for the only image
     * @param platform the platform to pick from an index (null: linux/amd64)
     */
    public OciLayoutSource(Path dir, String ref, Platform platform) throws ImageException {
        super("oci:" + dir + (ref == null || ref.isEmpty() ? "" : ":" + ref), ref, platform);
        this.dir = dir;
        if (!Files.isDirectory(dir)) throw new ImageException(name() + ": no such folder " + dir);
    }

    @Override
    byte[] readFile(String path, long limit) throws ImageException {
        Path file = dir.resolve(path);
        try {
            long size = Files.size(file);
            if (size > limit) throw new ImageException(name() + ": " + path + " is " + size + " bytes, more than " + limit);
            try (InputStream in = Files.newInputStream(file)) {
                return in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw new ImageException(name() + ": no " + path + " in " + dir);
        } catch (IOException e) {
            throw new ImageException(name() + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    @Override
    SeekableByteChannel openFile(String path) throws ImageException {
        try {
            return FileChannel.open(dir.resolve(path), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ImageException(name() + ": no " + path + " in " + dir);
        } catch (IOException e) {
            throw new ImageException(name() + ": cannot read " + dir.resolve(path) + ": " + e.getMessage());
        }
    }
}
