package io.initguard.helm;

import com.sun.jna.Function;
import io.initguard.core.chart.ChartException;

/** Helm's native library is built against glibc 2.34; on an older (or another) C library it cannot load. */
final class Glibc {
    static final int MIN_MAJOR = 2;
    static final int MIN_MINOR = 34;

    private static volatile boolean checked;

    private Glibc() {
    }

    /** Throws unless this is Linux with glibc 2.34 or newer (other systems are left to helm-java). */
    static void requireSupported() throws ChartException {
        if (checked || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return;
        }
        require(runningVersion());
        checked = true;
    }

    /** The running glibc's version, e.g. {@code 2.36}, or null when the C library is not glibc (musl). */
    static String runningVersion() {
        try {
            return Function.getFunction("c", "gnu_get_libc_version").invokeString(new Object[0], false);
        } catch (UnsatisfiedLinkError notGlibc) {
            return null;
        }
    }

    /** Throws a one-line {@link ChartException} unless {@code version} is glibc 2.34 or newer. */
    static void require(String version) throws ChartException {
        String need = "charts need glibc " + MIN_MAJOR + "." + MIN_MINOR + " or newer for Helm's native library";
        if (version == null) {
            throw new ChartException(null, 0, need + ", and this C library is not glibc (musl?)");
        }
        String[] parts = version.trim().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            if (major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR)) {
                return;
            }
        } catch (NumberFormatException unreadable) {
            throw new ChartException(null, 0, need + "; cannot read this glibc's version '" + version + "'");
        }
        throw new ChartException(null, 0, need + ", and this machine has glibc " + version);
    }
}
