package io.initguard.core.resolve;

import java.util.List;

/**
 * What a container started from an image runs by default, wherever that was learnt (the base-image catalogue, a
 * registry, a Docker engine, an archive).
 *
 * @param reference   the image as named in the input
 * @param entrypoint  the image ENTRYPOINT, empty when it has none
 * @param cmd         the image CMD, empty when it has none
 * @param view        the files of the image, as far as they are known (asked lazily)
 * @param inits       catalogue names of inits present in the image (used or not)
 * @param description for the chain: {@code a known base image (catalogue entry python, checked 2026-11-20)}
 */
public record KnownImage(String reference, List<String> entrypoint, List<String> cmd, ImageView view,
                         List<String> inits, String description) {
    public KnownImage {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        inits = List.copyOf(inits);
    }
}
