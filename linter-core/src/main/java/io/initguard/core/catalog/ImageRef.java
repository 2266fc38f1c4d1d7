package io.initguard.core.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker image reference, parsed and normalised the way Docker does it (the grammar of
 * {@code github.com/distribution/reference}, {@code ParseNormalizedNamed}).
 *
 * <p>{@code python:3.12-slim} becomes registry {@code docker.io}, path {@code library/python}, tag {@code 3.12-slim};
 * {@code docker.io/library/python} and {@code index.docker.io/library/python:latest} are equal to {@code python}.
 * Without tag and digest the tag is {@code latest}; with a digest only, the tag is empty.
 *
 * @param registry the registry host, with its port if any ({@code docker.io}, {@code gcr.io}, {@code localhost:5000})
 * @param path     the repository path inside the registry ({@code library/python}, {@code distroless/static-debian12})
 * @param tag      the tag; {@code latest} when the reference has neither tag nor digest; empty for digest-only refs
 * @param digest   the digest ({@code sha256:...}), empty when there is none
 */
public record ImageRef(String registry, String path, String tag, String digest) {
    /** Docker Hub, as normalised names spell it. */
    public static final String DOCKER_HUB = "docker.io";
    private static final String LEGACY_HUB = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final int NAME_TOTAL_LENGTH_MAX = 255;

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|" + IPV6 + ")(?::[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):([0-9a-fA-F]{32,})");
    private static final Pattern HEX_ID = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\{[^}]*}?|[A-Za-z_][A-Za-z0-9_]*)?");

    public ImageRef {
        if (registry == null || registry.isEmpty()) throw new IllegalArgumentException("registry is empty");
        if (path == null || path.isEmpty()) throw new IllegalArgumentException("path is empty");
        tag = tag == null ? "" : tag;
        digest = digest == null ? "" : digest;
    }

    /**
     * Parses and normalises a reference.
     *
     * @throws ImageRefException when the reference is invalid, or holds an unexpanded {@code $VAR}/{@code ${VAR}}
     *                           (see {@link ImageRefException#reason()}); the message is one line
     */
    public static ImageRef parse(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw new ImageRefException(String.valueOf(reference), ImageRefException.Reason.INVALID, "it is empty");
        }
        Matcher variable = VARIABLE.matcher(reference);
        if (variable.find()) {
            throw new ImageRefException(reference, ImageRefException.Reason.UNEXPANDED_VARIABLE, variable.group());
        }
        if (HEX_ID.matcher(reference).matches()) {
            throw invalid(reference, "a 64-character hexadecimal string is an image ID, not a repository name");
        }
        String rest = reference;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            checkDigest(reference, digest);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(reference, "tag '" + tag + "' must be 1 to 128 letters, digits, '_', '.' or '-', "
                        + "not starting with '.' or '-'");
            }
        }
        if (rest.isEmpty()) throw invalid(reference, "the repository name is empty");

        String registry;
        String path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        boolean firstIsRegistry = slash >= 0 && (first.contains(".") || first.contains(":")
                || first.equals("localhost") || !first.equals(first.toLowerCase(java.util.Locale.ROOT)));
        if (firstIsRegistry) {
            registry = first;
            path = rest.substring(slash + 1);
            if (!DOMAIN.matcher(registry).matches()) {
                throw invalid(reference, "registry '" + registry + "' is not a valid host[:port]");
            }
        } else {
            registry = DOCKER_HUB;
            path = rest;
        }
        if (registry.equals(LEGACY_HUB)) registry = DOCKER_HUB;
        if (!path.equals(path.toLowerCase(java.util.Locale.ROOT))) {
            throw invalid(reference, "repository name must be lowercase");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw invalid(reference, component.isEmpty()
                        ? "the repository path has an empty component"
                        : "path component '" + component + "' must be lowercase letters and digits, "
                        + "separated by '.', '_', '__' or dashes");
            }
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) path = OFFICIAL_PREFIX + path;
        if (registry.length() + 1 + path.length() > NAME_TOTAL_LENGTH_MAX) {
            throw invalid(reference, "the repository name must not be more than " + NAME_TOTAL_LENGTH_MAX
                    + " characters");
        }
        if (tag.isEmpty() && digest.isEmpty()) tag = "latest";
        return new ImageRef(registry, path, tag, digest);
    }

    /** Whether the string holds an unexpanded {@code $VAR} or {@code ${VAR}} (so it cannot be parsed yet). */
    public static boolean containsVariable(String reference) {
        return reference != null && VARIABLE.matcher(reference).find();
    }

    private static void checkDigest(String reference, String digest) {
        Matcher m = DIGEST.matcher(digest);
        if (!m.matches()) {
            throw invalid(reference, "digest '" + digest + "' must be algorithm:hex, e.g. sha256:<64 hex digits>");
        }
        int expected = switch (m.group(1)) {
            case "sha256" -> 64;
            case "sha384" -> 96;
            case "sha512" -> 128;
            default -> throw invalid(reference, "unsupported digest algorithm '" + m.group(1)
                    + "'; expected sha256, sha384 or sha512");
        };
        if (m.group(2).length() != expected) {
            throw invalid(reference, m.group(1) + " digest must have " + expected + " hex digits, not "
                    + m.group(2).length());
        }
    }

    private static ImageRefException invalid(String reference, String detail) {
        return new ImageRefException(reference, ImageRefException.Reason.INVALID, detail);
    }

    /**
     * The repository as people write it and as the base-image catalogue keys it: {@code python},
     * {@code jenkins/jenkins}, {@code gcr.io/distroless/static-debian12}, {@code localhost:5000/app}.
     */
    public String repository() {
        if (registry.equals(DOCKER_HUB)) {
            if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
                return path.substring(OFFICIAL_PREFIX.length());
            }
            return path;
        }
        return registry + "/" + path;
    }

    /** The fully qualified name without tag or digest: {@code docker.io/library/python}. */
    public String fullName() {
        return registry + "/" + path;
    }

    public boolean hasTag() {
        return !tag.isEmpty();
    }

    public boolean hasDigest() {
        return !digest.isEmpty();
    }

    /** Whether this is {@code scratch}, Docker's reserved empty image. */
    public boolean isScratch() {
        return registry.equals(DOCKER_HUB) && path.equals(OFFICIAL_PREFIX + "scratch");
    }

    /** The short, normalised form: {@code python:3.12-slim}, {@code gcr.io/distroless/static:nonroot@sha256:...}. */
    @Override
    public String toString() {
        return repository() + (hasTag() ? ":" + tag : "") + (hasDigest() ? "@" + digest : "");
    }
}
