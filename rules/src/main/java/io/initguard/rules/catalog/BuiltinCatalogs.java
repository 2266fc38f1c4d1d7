package io.initguard.rules.catalog;

import io.initguard.core.catalog.BaseImageCatalog;
import io.initguard.core.catalog.InitCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * The catalogues shipped with initguard (inits.yaml, base-images.yaml in this package), each built once from the class
 * the build generates from them.
 */
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

    /** The catalogues as read from the YAML files themselves (tests compare them with the generated ones). */
    static InitCatalog initsFromYaml() {
        return load(INITS, InitCatalog::load);
    }

    static BaseImageCatalog baseImagesFromYaml() {
        return load(BASE_IMAGES, BaseImageCatalog::load);
    }

    // Built from BuiltinCatalogData, which the build generates from the same YAML files: no YAML parsing at start-up.
    private static final class Inits {
        static final InitCatalog CATALOG = InitCatalog.of(BuiltinCatalogData.inits());
    }

    private static final class BaseImages {
        static final BaseImageCatalog CATALOG = BaseImageCatalog.of(BuiltinCatalogData.baseImages());
    }
}
