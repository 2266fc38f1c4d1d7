package io.initguard.core.image;

/**
 * An OCI content descriptor: a blob or manifest by media type, digest and size.
 *
 * @param platform set for the entries of an image index, else null
 */
public record Descriptor(String mediaType, String digest, long size, Platform platform) {
    public Descriptor(String mediaType, String digest, long size) {
        this(mediaType, digest, size, null);
    }

    /** {@code sha256:0123456789ab}: the digest shortened for people. */
    public String shortDigest() {
        int colon = digest.indexOf(':');
        return digest.length() > colon + 13 ? digest.substring(0, colon + 13) : digest;
    }
}
