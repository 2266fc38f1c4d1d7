package io.initguard.core.resolve;

import io.initguard.core.catalog.BaseImageCatalog;

/**
 * Tells what an image runs by default, given its name: the base-image catalogue, and (with
 * {@code --resolve-images}) registries or the local engine. Implementations never throw and never hang: a failure
 * is a {@link ImageLookup.NotFound} with the reason.
 */
@FunctionalInterface
public interface ImageResolver {
    ImageLookup lookup(String reference);

    /** The base-image catalogue. */
    static ImageResolver catalog(BaseImageCatalog catalog) {
        return new CatalogImageResolver(catalog);
    }

    /** This resolver's answer when it finds the image, else {@code next}'s (its reason wins when neither does). */
    default ImageResolver orElse(ImageResolver next) {
        return reference -> switch (lookup(reference)) {
            case ImageLookup.Found f -> f;
            case ImageLookup.NotFound mine -> switch (next.lookup(reference)) {
                case ImageLookup.Found f -> f;
                case ImageLookup.NotFound theirs -> theirs;
            };
        };
    }
}
