package io.initguard.core.image;

/**
 * An image could not be read: it does not exist, access was refused, a blob is corrupt, a request timed out. The
 * message is one line for people and names the image (and the registry's own message where there is one).
 */
public class ImageException extends Exception {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
