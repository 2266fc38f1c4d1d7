package io.initguard.helm;

import io.initguard.core.chart.ChartException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GlibcTest {

    @Test
    void newEnoughVersionsPass() {
        assertDoesNotThrow(() -> Glibc.require("2.34"));
        assertDoesNotThrow(() -> Glibc.require("2.36"));
        assertDoesNotThrow(() -> Glibc.require("3.0"));
    }

    @Test
    void olderVersionIsAClearError() {
        ChartException e = assertThrows(ChartException.class, () -> Glibc.require("2.31"));
        assertEquals("charts need glibc 2.34 or newer for Helm's native library, and this machine has glibc 2.31",
                e.getMessage());
        assertThrows(ChartException.class, () -> Glibc.require("1.99"));
    }

    @Test
    void otherCLibraryIsAClearError() {
        ChartException e = assertThrows(ChartException.class, () -> Glibc.require(null));
        assertEquals("charts need glibc 2.34 or newer for Helm's native library, and this C library is not glibc (musl?)",
                e.getMessage());
    }

    @Test
    void runningVersionIsReadFromTheCLibrary() {
        // This machine (Debian bookworm) runs glibc; the version read is one that require() understands.
        String version = Glibc.runningVersion();
        assertNotNull(version);
        assertDoesNotThrow(() -> Glibc.require(version));
    }
}
