package io.initguard.core.resolve;

import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain.Hop;

import java.util.List;

/**
 * The image a container starts from (a compose service, a Kubernetes container), as far as it is known: looked up by
 * name, or built from a Dockerfile.
 */
public sealed interface ContainerImage {
    /** The image as named in the input, or {@code built from api/Dockerfile}. */
    String name();

    /** What is known of its files (nothing, for an image that is not known). */
    ImageView view();

    /** How the image came about (a Dockerfile's stages), before the container's own command. */
    List<Hop> hops();

    /** What was noticed on the way (a Dockerfile build's observations). */
    List<Observation> facts();

    /**
     * An image whose ENTRYPOINT and CMD are known.
     *
     * @param entrypoint null when the image has none
     * @param cmd        null when the image has none
     * @param inits      catalogue names of inits the image carries
     */
    record Known(String name, ImageCommand entrypoint, ImageCommand cmd, ImageView view, List<String> inits,
                 List<Hop> hops, List<Observation> facts) implements ContainerImage {
        public Known {
            inits = List.copyOf(inits);
            hops = List.copyOf(hops);
            facts = List.copyOf(facts);
        }
    }

    /**
     * An image whose ENTRYPOINT and CMD are not known.
     *
     * @param reason one line: {@code not in the base-image catalogue}
     * @param at     where the image is named in the input
     */
    record Unknown(String name, String reason, Location at, ImageView view, List<Hop> hops,
                   List<Observation> facts) implements ContainerImage {
        public Unknown {
            hops = List.copyOf(hops);
            facts = List.copyOf(facts);
        }
    }
}
