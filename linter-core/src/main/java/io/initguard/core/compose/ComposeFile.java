package io.initguard.core.compose;

import java.util.List;
import java.util.Optional;

/**
 * A parsed compose file (or several {@code -f} files merged): its services in file order, with {@code extends},
 * merge keys and anchors already applied.
 */
public record ComposeFile(String file, List<ComposeService> services) {
    public ComposeFile {
        services = List.copyOf(services);
    }

    /** The service called {@code name}, if there is one. */
    public Optional<ComposeService> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
