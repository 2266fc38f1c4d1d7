package io.initguard.core.resolve;

import io.initguard.core.catalog.BaseImage;
import io.initguard.core.catalog.BaseImageCatalog;
import io.initguard.core.catalog.ImageRef;
import io.initguard.core.model.ImagePath;
import io.initguard.core.shell.ShellKind;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Looks images up in the base-image catalogue. */
final class CatalogImageResolver implements ImageResolver {
    private final BaseImageCatalog catalog;
    /** The same few images recur across a repository: parse and look each name up once. */
    private final Map<String, ImageLookup> seen = new ConcurrentHashMap<>();

    CatalogImageResolver(BaseImageCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ImageLookup lookup(String reference) {
        return seen.computeIfAbsent(reference, this::find);
    }

    private ImageLookup find(String reference) {
        Optional<BaseImage> entry;
        try {
            entry = catalog.lookup(ImageRef.parse(reference));
        } catch (IllegalArgumentException e) {
            return new ImageLookup.NotFound(e.getMessage());
        }
        if (entry.isEmpty()) return new ImageLookup.NotFound("not in the base-image catalogue");
        BaseImage b = entry.get();
        return new ImageLookup.Found(new KnownImage(reference, b.entrypoint(), b.cmd(),
                new ScriptsView(b.shell(), b.scripts(), "base image " + reference), b.inits(),
                "a known base image (catalogue entry " + b.repository() + ", checked " + b.checked() + ")"));
    }

    /** An image of which only {@code /bin/sh} and a few scripts are known. */
    static final class ScriptsView implements ImageView {
        private final ShellKind binSh;
        private final Map<String, ImageFile> files = new HashMap<>();

        ScriptsView(ShellKind binSh, Map<String, String> scripts, String origin) {
            this.binSh = binSh;
            scripts.forEach((path, text) -> files.put(ImageState.normalise(path), new ImageFile.Text(text, origin)));
        }

        @Override
        public ShellKind binSh() {
            return binSh;
        }

        @Override
        public Optional<ImageFile> file(String program) {
            if (program == null || program.isEmpty()) return Optional.empty();
            for (String candidate : ImagePath.candidates(program, "/", ImagePath.DEFAULT_PATH)) {
                ImageFile f = files.get(candidate);
                if (f != null) return Optional.of(f);
            }
            return Optional.empty();
        }
    }
}
