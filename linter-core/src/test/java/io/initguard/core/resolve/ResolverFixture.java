package io.initguard.core.resolve;

import io.initguard.core.catalog.BaseImage;
import io.initguard.core.catalog.BaseImageCatalog;
import io.initguard.core.catalog.Catalogs;
import io.initguard.core.catalog.InitCatalog;
import io.initguard.core.catalog.InitSpec;
import io.initguard.core.dockerfile.Dockerfile;
import io.initguard.core.dockerfile.DockerfileParser;
import io.initguard.core.dockerfile.Stage;
import io.initguard.core.shell.ShellKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Small catalogues for the resolver tests (linter-core cannot read the rules module's data), mirroring the published
 * images the acceptance README names, and helpers to resolve a Dockerfile given as a string.
 */
final class ResolverFixture {
    private ResolverFixture() {
    }

    static final String NODE_ENTRYPOINT = """
            #!/bin/sh
            set -e
            if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then
              set -- node "$@"
            fi
            exec "$@"
            """;

    static final InitCatalog INITS = InitCatalog.of(List.of(
            new InitSpec("tini", List.of("tini", "tini-static"), List.of("/usr/bin/tini", "/sbin/tini", "/tini"),
                    List.of("tini"), true, true, List.of("-p", "-e"), "tini"),
            new InitSpec("dumb-init", List.of("dumb-init"), List.of("/usr/bin/dumb-init"), List.of("dumb-init"),
                    true, true, List.of("-r", "--rewrite"), "dumb-init"),
            new InitSpec("s6-overlay", List.of(), List.of("/init"), List.of(), false, true, List.of(), "s6")));

    static final BaseImageCatalog IMAGES = BaseImageCatalog.of(List.of(
            image("python", List.of("*alpine*"), List.of(), List.of("python3"), ShellKind.BUSYBOX, Map.of(), List.of()),
            image("python", List.of("*"), List.of(), List.of("python3"), ShellKind.DASH, Map.of(), List.of()),
            image("debian", List.of("*"), List.of(), List.of("bash"), ShellKind.DASH, Map.of(), List.of()),
            image("alpine", List.of("*"), List.of(), List.of("/bin/sh"), ShellKind.BUSYBOX, Map.of(), List.of()),
            image("busybox", List.of("*"), List.of(), List.of("sh"), ShellKind.BUSYBOX, Map.of(), List.of()),
            image("fedora", List.of("*"), List.of(), List.of("/bin/bash"), ShellKind.BASH, Map.of(), List.of()),
            image("node", List.of("*"), List.of("docker-entrypoint.sh"), List.of("node"), ShellKind.DASH,
                    Map.of("/usr/local/bin/docker-entrypoint.sh", NODE_ENTRYPOINT), List.of()),
            image("jenkins/jenkins", List.of("*"), List.of("/usr/bin/tini", "--", "/usr/local/bin/jenkins.sh"),
                    List.of(), ShellKind.DASH, Map.of("/usr/local/bin/jenkins.sh",
                            "#!/bin/bash -e\nif [[ $# -lt 1 ]]; then\n  exec java -jar /jenkins.war\nfi\nexec \"$@\"\n"),
                    List.of("tini"))));

    static final Catalogs CATALOGS = new Catalogs(INITS, IMAGES);

    private static BaseImage image(String repo, List<String> tags, List<String> entrypoint, List<String> cmd,
                                   ShellKind shell, Map<String, String> scripts, List<String> inits) {
        return new BaseImage(repo, tags, entrypoint, cmd, shell, scripts, inits, "test fixture", "2026-01-01");
    }

    static Dockerfile parse(String text) {
        try {
            return DockerfileParser.parse("Dockerfile", text);
        } catch (Exception e) {
            throw new AssertionError("fixture does not parse: " + e.getMessage(), e);
        }
    }

    /** Resolves the last stage of {@code text} with no build context (as when the Dockerfile comes from stdin). */
    static Resolution resolve(String text) {
        return resolve(text, null);
    }

    /** Resolves the last stage of {@code text} with {@code context} as the build context (may be null). */
    static Resolution resolve(String text, Path context) {
        Dockerfile df = parse(text);
        return new DockerfileResolver(CATALOGS).resolve(df, df.stages().getLast(), context);
    }

    /** Resolves the stage named {@code target} (as {@code --target} would). */
    static Resolution resolveTarget(String text, String target) {
        Dockerfile df = parse(text);
        Stage stage = df.stages().stream().filter(s -> target.equals(s.name())).findFirst().orElseThrow();
        return new DockerfileResolver(CATALOGS).resolve(df, stage, null);
    }
}
