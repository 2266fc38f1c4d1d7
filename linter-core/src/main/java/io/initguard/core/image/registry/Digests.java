package io.initguard.core.image.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** OCI digests ({@code sha256:hex}, {@code sha512:hex}): computing and comparing them. */
final class Digests {
    private Digests() {
    }

    /** The digest for the algorithm of {@code digest}, or null when it is not one of sha256, sha384, sha512. */
    static MessageDigest messageDigest(String digest) {
        int colon = digest == null ? -1 : digest.indexOf(':');
        if (colon < 0) return null;
        String name = switch (digest.substring(0, colon)) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> null;
        };
        if (name == null) return null;
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** {@code algorithm:hex} with the algorithm of {@code like}. */
    static String format(String like, byte[] hash) {
        return like.substring(0, like.indexOf(':')) + ":" + HexFormat.of().formatHex(hash);
    }

    /** The digest of {@code bytes} with the algorithm of {@code like} ({@code sha256:...} when like is null). */
    static String of(byte[] bytes, String like) {
        String algorithm = like == null || messageDigest(like) == null ? "sha256:" : like;
        MessageDigest md = messageDigest(algorithm);
        return format(algorithm, md.digest(bytes));
    }
}
