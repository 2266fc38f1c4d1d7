package io.initguard.core.image.layers;

import io.initguard.core.image.Descriptor;

/**
 * The layer a file came from.
 *
 * @param number 1 for the bottom layer
 * @param layer  the layer's descriptor
 * @param step   the build step that made it, shortened ({@code COPY entrypoint.sh /}), or null when the history
 *               does not say
 */
public record LayerOrigin(int number, Descriptor layer, String step) {
    /** {@code layer 3 sha256:0123456789ab… (COPY entrypoint.sh /)}. */
    public String describe() {
        // No digest: a registry stores a layer compressed, an engine uncompressed, and the chain should read the same
        // whichever source the image came from.
        return "layer " + number + (step == null ? "" : " (" + step + ")");
    }

    @Override
    public String toString() {
        return describe();
    }
}
