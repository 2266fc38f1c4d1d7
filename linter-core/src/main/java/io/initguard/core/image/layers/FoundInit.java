package io.initguard.core.image.layers;

import io.initguard.core.catalog.InitSpec;

/**
 * A known init present in an image.
 *
 * @param init       its catalogue entry
 * @param path       where it is
 * @param type       a regular file, or a link to one
 * @param linkTarget the link's target, null for a regular file
 * @param origin     the layer it came from
 */
public record FoundInit(InitSpec init, String path, EntryType type, String linkTarget, LayerOrigin origin) {
}
