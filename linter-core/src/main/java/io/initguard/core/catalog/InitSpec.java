package io.initguard.core.catalog;

import java.util.List;

/**
 * A known init, from the init catalogue (inits.yaml).
 *
 * @param name            the catalogue name reports use: {@code tini}, {@code dumb-init}, {@code s6-overlay}, ...
 * @param programs        base names of its executables ({@code tini}, {@code tini-static}, ...)
 * @param paths           usual absolute paths ({@code /usr/bin/tini}, {@code /sbin/tini}, {@code /init}); a path here
 *                        identifies the init even when its base name is generic (s6-overlay's {@code /init})
 * @param packages        OS package names that install it (apt, apk, dnf), for "installed but unused"
 * @param doubleDash      whether {@code --} should separate its options from the command
 * @param mustBePid1      whether it reaps orphans only as PID 1 (or subreaper)
 * @param optionsWithArg  its options that take a value (so the command is found after them), e.g. {@code -p}, {@code -e}
 * @param description     one line for people
 */
public record InitSpec(String name, List<String> programs, List<String> paths, List<String> packages,
                       boolean doubleDash, boolean mustBePid1, List<String> optionsWithArg, String description) {
    public InitSpec {
        programs = List.copyOf(programs);
        paths = List.copyOf(paths);
        packages = List.copyOf(packages);
        optionsWithArg = List.copyOf(optionsWithArg);
    }
}
