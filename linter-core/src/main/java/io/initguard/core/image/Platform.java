package io.initguard.core.image;

import java.util.Locale;

/**
 * An OCI platform: {@code linux/amd64}, {@code linux/arm64/v8}.
 *
 * @param variant null when none is given
 */
public record Platform(String os, String architecture, String variant) {
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    /** Parses {@code os/arch[/variant]}. */
    public static Platform parse(String text) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split("/");
        if (p.length < 2 || p.length > 3 || p[0].isEmpty() || p[1].isEmpty()) {
            throw new IllegalArgumentException("not a platform (os/arch[/variant]): " + text);
        }
        return new Platform(p[0], p[1], p.length == 3 && !p[2].isEmpty() ? p[2] : null);
    }

    /** Whether a manifest for {@code other} runs here: same os and architecture, and the variant if this names one. */
    public boolean accepts(Platform other) {
        if (other == null) return false;
        return os.equals(other.os) && architecture.equals(other.architecture)
                && (variant == null || variant.equals(other.variant));
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant != null ? "/" + variant : "");
    }
}
