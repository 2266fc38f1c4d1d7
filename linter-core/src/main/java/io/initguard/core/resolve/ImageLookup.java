package io.initguard.core.resolve;

/** What looking an image up gave: what it runs, or why that is not known. */
public sealed interface ImageLookup {
    /** The image is known. */
    record Found(KnownImage image) implements ImageLookup {
    }

    /** @param reason one line, for the chain: {@code not in the base-image catalogue} */
    record NotFound(String reason) implements ImageLookup {
    }
}
