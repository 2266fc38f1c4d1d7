package io.initguard.core.image.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter that must see every byte (to digest it, or to time it): {@link #skip(long)} reads through
 * {@link #read(byte[], int, int)} instead of skipping underneath, into one buffer kept for the stream's life (tar
 * readers skip once per entry, so a buffer per call adds up).
 */
abstract class ReadThroughInputStream extends FilterInputStream {
    private byte[] skipBuffer;

    ReadThroughInputStream(InputStream in) {
        super(in);
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) return 0;
        if (skipBuffer == null) skipBuffer = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, left));
            if (r < 0) break;
            left -= r;
        }
        return n - left;
    }
}
