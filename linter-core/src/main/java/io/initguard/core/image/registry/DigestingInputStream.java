package io.initguard.core.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob read from a registry, checked against its descriptor: at the end of the stream the digest and size must
 * match, or the last read fails with an {@link IOException} naming both digests. A stream closed early is not
 * checked (the caller did not read the blob fully).
 */
final class DigestingInputStream extends ReadThroughInputStream {
    private final String expectedDigest;
    private final long expectedSize;
    private final String what;
    private final MessageDigest md;
    private long count;
    private boolean checked;

    /** @param expectedSize -1 when unknown */
    DigestingInputStream(InputStream in, String expectedDigest, long expectedSize, String what) throws IOException {
        super(in);
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        this.what = what;
        this.md = Digests.messageDigest(expectedDigest);
        if (md == null) throw new IOException(what + ": unsupported digest algorithm in " + expectedDigest);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            md.update(b, off, n);
            count += n;
            if (expectedSize >= 0 && count > expectedSize) {
                throw new IOException(what + ": blob " + expectedDigest + " is longer than its " + expectedSize
                        + " bytes");
            }
        } else if (n < 0 && !checked) {
            checked = true;
            if (expectedSize >= 0 && count != expectedSize) {
                throw new IOException(what + ": blob " + expectedDigest + " has " + count + " bytes, not "
                        + expectedSize);
            }
            String actual = Digests.format(expectedDigest, md.digest());
            if (!actual.equals(expectedDigest)) {
                throw new IOException(what + ": blob does not match its digest " + expectedDigest + " (got "
                        + actual + ")");
            }
        }
        return n;
    }


    @Override
    public boolean markSupported() {
        return false;
    }
}
