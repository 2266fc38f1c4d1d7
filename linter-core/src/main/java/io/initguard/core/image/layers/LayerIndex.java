package io.initguard.core.image.layers;

import java.util.List;
import java.util.Map;

/**
 * What one layer holds: its entries by path (the last entry of a path wins, as in tar), and what it deletes from
 * the layers below it.
 *
 * @param entries    by normalised absolute path, in tar order; whiteout markers are not entries
 * @param whiteouts  paths removed from lower layers ({@code .wh.NAME} markers), normalised absolute
 * @param opaqueDirs directories whose lower-layer content is hidden ({@code .wh..wh..opq} markers)
 * @param textBytes  bytes of script text kept for this layer
 */
public record LayerIndex(Map<String, LayerEntry> entries, List<String> whiteouts, List<String> opaqueDirs,
                         long textBytes) {
    public LayerIndex {
        entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        whiteouts = List.copyOf(whiteouts);
        opaqueDirs = List.copyOf(opaqueDirs);
    }
}
