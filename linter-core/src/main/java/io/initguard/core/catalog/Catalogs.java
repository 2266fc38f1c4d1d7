package io.initguard.core.catalog;

/** The two catalogues the resolver reads: known inits and well-known base images. */
public record Catalogs(InitCatalog inits, BaseImageCatalog baseImages) {
    public static Catalogs empty() {
        return new Catalogs(InitCatalog.of(java.util.List.of()), BaseImageCatalog.of(java.util.List.of()));
    }

    /** These catalogues with {@code extra} entries (from config) taking precedence. */
    public Catalogs merge(Catalogs extra) {
        return new Catalogs(inits.merge(extra.inits()), baseImages.merge(extra.baseImages()));
    }
}
