package io.initguard.core.image;

import io.initguard.core.image.daemon.DockerDaemonSource;
import io.initguard.core.image.layout.DockerArchiveSource;
import io.initguard.core.image.layout.OciArchiveSource;
import io.initguard.core.image.layout.OciLayoutSource;
import io.initguard.core.image.registry.RegistryClient;
import io.initguard.core.image.registry.RegistryOptions;
import io.initguard.core.image.registry.RegistrySource;

import java.time.Duration;

/**
 * Opens images by their skopeo-style names ({@link ImageSourceSpec}), sharing one registry client (so tokens are
 * reused across images of a run).
 */
public final class ImageSources implements AutoCloseable {
    private final RegistryOptions options;
    private final Duration daemonTimeout;
    private RegistryClient registry;

    /** Registry options as given; the engine gets {@link DockerDaemonSource#DEFAULT_TIMEOUT}. */
    public ImageSources(RegistryOptions options) {
        this(options, DockerDaemonSource.DEFAULT_TIMEOUT);
    }

    /** @param daemonTimeout how long the Docker engine may take to connect and for each piece of an answer */
    public ImageSources(RegistryOptions options, Duration daemonTimeout) {
        this.options = options;
        this.daemonTimeout = daemonTimeout;
    }

    public RegistryOptions options() {
        return options;
    }

    /** Opens {@code name}; a name that does not parse is an ImageException with a one-line message. */
    public ImageSource open(String name) throws ImageException {
        ImageSourceSpec spec;
        try {
            spec = ImageSourceSpec.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ImageException(e.getMessage());
        }
        return open(spec);
    }

    public ImageSource open(ImageSourceSpec spec) throws ImageException {
        return switch (spec) {
            case ImageSourceSpec.Registry r -> new RegistrySource(r.ref(), client());
            case ImageSourceSpec.DockerDaemon d -> new DockerDaemonSource(d.ref(), null, daemonTimeout);
            case ImageSourceSpec.DockerArchive a -> new DockerArchiveSource(a.file(), a.ref());
            case ImageSourceSpec.OciArchive a -> new OciArchiveSource(a.file(), a.ref(), options.platform());
            case ImageSourceSpec.OciLayout l -> new OciLayoutSource(l.dir(), l.ref(), options.platform());
        };
    }

    /** The requests made to registries so far (for benchmarks). */
    public synchronized long registryRequests() {
        return registry == null ? 0 : registry.requestCount();
    }

    private synchronized RegistryClient client() throws ImageException {
        if (registry == null) registry = new RegistryClient(options);
        return registry;
    }

    @Override
    public synchronized void close() {
        if (registry != null) registry.close();
    }
}
