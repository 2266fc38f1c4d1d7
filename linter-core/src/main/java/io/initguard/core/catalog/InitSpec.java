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
 * @param flags           its options that take no value ({@code -s}, {@code -g}, {@code -v}); added so that an
 *                        argument parser can tell a known flag from the start of the command, and so that a typo such
 *                        as {@code tini -x app} can be reported; empty when unknown
 * @param source          where the facts were read (the init's README or manual page); added so that every catalogue
 *                        entry, like {@link BaseImage#source()}, can be checked again
 */
public record InitSpec(String name, List<String> programs, List<String> paths, List<String> packages,
                       boolean doubleDash, boolean mustBePid1, List<String> optionsWithArg, String description,
                       List<String> flags, String source) {
    public InitSpec {
        programs = List.copyOf(programs);
        paths = List.copyOf(paths);
        packages = List.copyOf(packages);
        optionsWithArg = List.copyOf(optionsWithArg);
        flags = List.copyOf(flags);
        source = source == null ? "" : source;
    }

    /** The original eight components, kept so existing callers compile: no flags, no source. */
    public InitSpec(String name, List<String> programs, List<String> paths, List<String> packages,
                    boolean doubleDash, boolean mustBePid1, List<String> optionsWithArg, String description) {
        this(name, programs, paths, packages, doubleDash, mustBePid1, optionsWithArg, description, List.of(), "");
    }
}
