package io.initguard.core.catalog;

import io.initguard.core.shell.ShellKind;

import java.util.List;
import java.util.Map;

/**
 * What a well-known base image runs by default, from the base-image catalogue (base-images.yaml).
 *
 * @param repository  the repository as normalised by {@link ImageRef} ({@code python}, {@code jenkins/jenkins},
 *                    {@code gcr.io/distroless/*}); may end in {@code *} to match a family
 * @param tags        glob patterns of the tags this entry covers ({@code *}, {@code 3.*-alpine*}); first match wins
 * @param entrypoint  the image ENTRYPOINT, empty when it has none
 * @param cmd         the image CMD, empty when it has none
 * @param shell       what {@code /bin/sh} is in the image
 * @param scripts     the entrypoint scripts the image carries, path to text (enough of it for the resolver: the
 *                    shebang and how it ends, e.g. {@code exec "$@"})
 * @param inits       catalogue names of inits present in the image (used or not)
 * @param source      where the facts were read (a Dockerfile in the image's official repository)
 * @param checked     the date the facts were read, ISO-8601
 */
public record BaseImage(String repository, List<String> tags, List<String> entrypoint, List<String> cmd,
                        ShellKind shell, Map<String, String> scripts, List<String> inits, String source,
                        String checked) {
    public BaseImage {
        tags = List.copyOf(tags);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        scripts = Map.copyOf(scripts);
        inits = List.copyOf(inits);
    }
}
