package io.initguard.cli;

import io.initguard.core.chart.ChartException;
import io.initguard.core.chart.ChartRenderer;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds and loads the Helm chart renderer, which lives in its own jar ({@code initguard-helm.jar}, the {@code helm}
 * module) because it embeds Helm as a large native library: only linting a chart loads it. The jar is looked for, in
 * this order, at {@code $INITGUARD_HELM_JAR}; at {@code lib/initguard-helm.jar} next to the running initguard.jar; and
 * at {@code helm/target/initguard-helm.jar} of the source tree the CLI was built in (the first folder upwards holding
 * {@code mvnw}).
 */
public final class ChartSupport {
    /** The environment variable that names the Helm module's jar. */
    public static final String ENV = "INITGUARD_HELM_JAR";
    static final String JAR_NAME = "initguard-helm.jar";
    static final String NOT_INSTALLED = "charts need the initguard-helm module, which is not installed: build it with"
            + " ./mvnw -pl helm -am package (or set " + ENV + ")";

    private static ChartRenderer loaded;

    private ChartSupport() {
    }

    /**
     * The chart renderer from the Helm module's jar, loaded once per process.
     *
     * @throws ChartException with a one-line message when the jar is not found or holds no renderer
     */
    public static synchronized ChartRenderer load() throws ChartException {
        if (loaded == null) {
            loaded = load(find(System.getenv(ENV), cliLocation()));
        }
        return loaded;
    }

    /** The jar to load: {@code envValue} when set, else the first candidate next to or above {@code cliLocation}. */
    static Path find(String envValue, Path cliLocation) throws ChartException {
        if (envValue != null && !envValue.isBlank()) {
            Path jar = Path.of(envValue);
            if (!Files.isRegularFile(jar)) {
                throw new ChartException(null, 0, ENV + "=" + envValue + ": no such file; " + NOT_INSTALLED);
            }
            return jar;
        }
        for (Path candidate : candidates(cliLocation)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ChartException(null, 0, NOT_INSTALLED);
    }

    /**
     * Where the jar may be, in order, for a CLI running from {@code cliLocation} (its jar, or its classes folder):
     * {@code lib/initguard-helm.jar} next to the jar, then {@code helm/target/initguard-helm.jar} in the nearest
     * folder upwards that holds {@code mvnw}.
     */
    static List<Path> candidates(Path cliLocation) {
        List<Path> candidates = new ArrayList<>();
        if (cliLocation == null) {
            return candidates;
        }
        Path location = cliLocation.toAbsolutePath().normalize();
        if (Files.isRegularFile(location) && location.getParent() != null) {
            candidates.add(location.getParent().resolve("lib").resolve(JAR_NAME));
        }
        for (Path dir = location.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                candidates.add(dir.resolve("helm").resolve("target").resolve(JAR_NAME));
                break;
            }
        }
        return candidates;
    }

    /** Loads the renderer from {@code jar}, in a class loader whose parent is the CLI's (which supplies linter-core). */
    static ChartRenderer load(Path jar) throws ChartException {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ChartException(jar.toString(), 0, "cannot load the initguard-helm module: " + e.getMessage());
        }
        URLClassLoader loader = new URLClassLoader("initguard-helm", new URL[]{url}, ChartSupport.class.getClassLoader());
        try {
            Iterator<ChartRenderer> renderers = ServiceLoader.load(ChartRenderer.class, loader).iterator();
            if (renderers.hasNext()) {
                return renderers.next();
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new ChartException(jar.toString(), 0, "cannot load the initguard-helm module: " + e.getMessage());
        }
        throw new ChartException(jar.toString(), 0, "holds no chart renderer (not an initguard-helm jar?); "
                + NOT_INSTALLED);
    }

    /** The running CLI's jar (or classes folder), or null when the JVM does not tell. */
    private static Path cliLocation() {
        CodeSource source = ChartSupport.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
