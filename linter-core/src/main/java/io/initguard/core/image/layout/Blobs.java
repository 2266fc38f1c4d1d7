package io.initguard.core.image.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.initguard.core.image.ImageException;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Digests and JSON of small blobs (manifests, configs, indexes). */
final class Blobs {
    /** Manifests, indexes and configs bigger than this are refused. */
    static final long JSON_LIMIT = 16L << 20;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGEST = Pattern.compile("(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})");

    private Blobs() {
    }

    /** {@code blobs/sha256/HEX} for a digest, after checking its form. */
    static String path(String name, String digest) throws ImageException {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new ImageException(name + ": not a sha256 or sha512 digest: " + digest);
        }
        return "blobs/" + digest.replace(':', '/');
    }

    static String sha256(byte[] data) {
        return "sha256:" + digestHex("SHA-256", data);
    }

    /** Checks that {@code data} has the digest {@code digest}. */
    static void verify(String name, String what, String digest, byte[] data) throws ImageException {
        String algorithm = digest.startsWith("sha512:") ? "SHA-512" : "SHA-256";
        String actual = digest.substring(0, digest.indexOf(':') + 1) + digestHex(algorithm, data);
        if (!actual.equals(digest)) {
            throw new ImageException(name + ": " + what + " " + digest + " does not match its content (" + actual + ")");
        }
    }

    static JsonNode parse(String name, String what, byte[] json) throws ImageException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) throw new ImageException(name + ": " + what + " is empty");
            return node;
        } catch (IOException e) {
            throw new ImageException(name + ": " + what + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String digestHex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
