package io.initguard.core.image.layers;

/** How many bytes of script text may still be kept for one image (shared by all its layers). */
public final class TextBudget {
    /** The default cap per image: 32 MiB. */
    public static final long DEFAULT_BYTES = 32L << 20;

    private long remaining;

    public TextBudget(long bytes) {
        this.remaining = bytes;
    }

    /** Takes {@code bytes} from the budget if that many are left. */
    public synchronized boolean take(long bytes) {
        if (bytes > remaining) return false;
        remaining -= bytes;
        return true;
    }

    public synchronized long remaining() {
        return remaining;
    }
}
