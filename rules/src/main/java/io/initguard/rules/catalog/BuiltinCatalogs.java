package io.initguard.rules.catalog;

import io.initguard.core.catalog.BaseImageCatalog;
import io.initguard.core.catalog.InitCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/** The catalogues shipped with initguard (inits.yaml, base-images.yaml in this package), each loaded once. */
public final class BuiltinCatalogs {
    static final String INITS = "inits.yaml";
    static final String BASE_IMAGES = "base-images.yaml";

    private BuiltinCatalogs() {
    }

    /** The built-in init catalogue. */
    public static InitCatalog inits() {
        return Inits.CATALOG;
    }

    /** The built-in base-image catalogue. */
    public static BaseImageCatalog baseImages() {
        return BaseImages.CATALOG;
    }

    private static <T> T load(String name, BiFunction<InputStream, String, T> loader) {
        try (InputStream in = BuiltinCatalogs.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("built-in catalogue " + name + " is missing from the jar");
            return loader.apply(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in catalogue " + name, e);
        }
    }

    private static final class Inits {
        static final InitCatalog CATALOG = load(INITS, InitCatalog::load);
    }

    private static final class BaseImages {
        static final BaseImageCatalog CATALOG = load(BASE_IMAGES, BaseImageCatalog::load);
    }
}
