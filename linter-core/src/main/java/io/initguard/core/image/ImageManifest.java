package io.initguard.core.image;

import java.util.List;

/**
 * One platform's image manifest: its config blob and its layers, bottom first.
 *
 * @param digest    the manifest's own digest ({@code sha256:...}); for a docker-archive, the config digest
 * @param mediaType the manifest's media type
 */
public record ImageManifest(String digest, String mediaType, Descriptor config, List<Descriptor> layers) {
    public ImageManifest {
        layers = List.copyOf(layers);
    }
}
