package io.initguard.core.lint;

import io.initguard.core.catalog.BaseImage;
import io.initguard.core.catalog.BaseImageCatalog;
import io.initguard.core.catalog.Catalogs;
import io.initguard.core.catalog.InitCatalog;
import io.initguard.core.catalog.InitSpec;
import io.initguard.core.config.Config;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.shell.ShellKind;

import java.util.List;
import java.util.Map;

/**
 * Small catalogues for the linter tests (linter-core cannot read the rules module's data), mirroring the published
 * images they name. The engine has no rules: these tests look at targets, chains and observations; the rule IDs are
 * checked through the CLI in linter-cli.
 */
final class LintFixture {
    private LintFixture() {
    }

    static final InitCatalog INITS = InitCatalog.of(List.of(
            new InitSpec("tini", List.of("tini", "tini-static"), List.of("/usr/bin/tini", "/sbin/tini", "/tini"),
                    List.of("tini"), true, true, List.of("-p", "-e"), "tini"),
            new InitSpec("docker-init", List.of("docker-init"), List.of("/sbin/docker-init"), List.of(), true, true,
                    List.of(), "docker-init")));

    static final BaseImageCatalog IMAGES = BaseImageCatalog.of(List.of(
            image("python", List.of(), List.of("python3"), ShellKind.DASH, Map.of(), List.of()),
            image("alpine", List.of(), List.of("/bin/sh"), ShellKind.BUSYBOX, Map.of(), List.of()),
            image("debian", List.of(), List.of("bash"), ShellKind.DASH, Map.of(), List.of()),
            image("jenkins/jenkins", List.of("/usr/bin/tini", "--", "/usr/local/bin/jenkins.sh"), List.of(),
                    ShellKind.DASH, Map.of("/usr/local/bin/jenkins.sh",
                            "#!/bin/bash -e\nif [[ $# -lt 1 ]]; then\n  exec java -jar /jenkins.war\nfi\nexec \"$@\"\n"),
                    List.of("tini"))));

    static final Catalogs CATALOGS = new Catalogs(INITS, IMAGES);

    static final Config CONFIG = new Config(null, Map.of(), null, Catalogs.empty());

    static final LintEngine ENGINE = new LintEngine(List.of());

    static Resolvers resolvers() {
        return new Resolvers(CATALOGS);
    }

    private static BaseImage image(String repo, List<String> entrypoint, List<String> cmd, ShellKind shell,
                                   Map<String, String> scripts, List<String> inits) {
        return new BaseImage(repo, List.of("*"), entrypoint, cmd, shell, scripts, inits, "test fixture", "2026-01-01");
    }
}
