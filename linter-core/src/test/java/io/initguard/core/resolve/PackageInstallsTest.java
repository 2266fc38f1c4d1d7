package io.initguard.core.resolve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PackageInstallsTest {
    @Test
    void aptWithOptionsAndPins() {
        assertEquals(List.of("tini", "curl"), PackageInstalls.in(
                "apt-get update && apt-get install -y --no-install-recommends tini=0.19.0-1 curl && rm -rf /x"));
    }

    @Test
    void apkDnfYumZypperAndOptionsBeforeTheVerb() {
        assertEquals(List.of("tini"), PackageInstalls.in("apk add --no-cache tini"));
        assertEquals(List.of("dumb-init"), PackageInstalls.in("dnf -y install dumb-init; dnf clean all"));
        assertEquals(List.of("catatonit"), PackageInstalls.in("yum install -y catatonit"));
        assertEquals(List.of("tini"), PackageInstalls.in("zypper --non-interactive in tini"));
    }

    @Test
    void otherCommandsAndVariablesAreNotPackages() {
        assertEquals(List.of(), PackageInstalls.in("pip install tini && npm install dumb-init"));
        assertEquals(List.of("curl"), PackageInstalls.in("apt-get install -y $EXTRA curl | tee log"));
        assertEquals(List.of(), PackageInstalls.in("echo apt-get; apk update"));
    }
}
