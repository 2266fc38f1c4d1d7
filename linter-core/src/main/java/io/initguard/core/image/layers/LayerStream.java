package io.initguard.core.image.layers;

import io.initguard.core.image.ImageException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An image source that delivers all its layers in one stream, in an order of its own ({@code docker save}). The
 * source maps what arrives to the manifest's layers.
 */
public interface LayerStream {
    /**
     * Reads every layer of the manifest once with {@code reader}, in the order they arrive.
     *
     * @return one index per manifest layer, bottom first (a layer listed twice gets the same index twice)
     */
    List<LayerIndex> readAllLayers(Reader reader) throws ImageException;

    /** Indexes one uncompressed or compressed layer stream (not closed by the reader). */
    @FunctionalInterface
    interface Reader {
        LayerIndex read(InputStream layer) throws IOException;
    }
}
