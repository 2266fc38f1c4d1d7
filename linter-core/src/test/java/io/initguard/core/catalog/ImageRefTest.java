package io.initguard.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageRefTest {
    private static final String SHA = "sha256:" + "a".repeat(64);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            python:3.12-slim                                  | docker.io      | library/python                | python                                 | 3.12-slim
            python                                            | docker.io      | library/python                | python                                 | latest
            docker.io/library/python                          | docker.io      | library/python                | python                                 | latest
            index.docker.io/library/python:3                  | docker.io      | library/python                | python                                 | 3
            docker.io/python:3                                | docker.io      | library/python                | python                                 | 3
            jenkins/jenkins:lts                               | docker.io      | jenkins/jenkins               | jenkins/jenkins                        | lts
            docker.io/jenkins/jenkins                         | docker.io      | jenkins/jenkins               | jenkins/jenkins                        | latest
            localhost:5000/app                                | localhost:5000 | app                           | localhost:5000/app                     | latest
            localhost/app:1                                   | localhost      | app                           | localhost/app                          | 1
            gcr.io/distroless/static-debian12:nonroot         | gcr.io         | distroless/static-debian12    | gcr.io/distroless/static-debian12      | nonroot
            cgr.dev/chainguard/node                           | cgr.dev        | chainguard/node               | cgr.dev/chainguard/node                | latest
            ghcr.io/owner/repo/sub:v1.2                       | ghcr.io        | owner/repo/sub                | ghcr.io/owner/repo/sub                 | v1.2
            [::1]:5000/app:x                                  | [::1]:5000     | app                           | [::1]:5000/app                         | x
            Registry/app                                      | Registry       | app                           | Registry/app                           | latest
            scratch                                           | docker.io      | library/scratch               | scratch                                | latest
            my_org/some-app__x:TAG_1.0-rc                     | docker.io      | my_org/some-app__x            | my_org/some-app__x                     | TAG_1.0-rc
            """)
    void normalises(String input, String registry, String path, String repository, String tag) {
        ImageRef ref = ImageRef.parse(input);
        assertEquals(registry, ref.registry());
        assertEquals(path, ref.path());
        assertEquals(repository, ref.repository());
        assertEquals(tag, ref.tag());
        assertEquals("", ref.digest());
    }

    @Test
    void officialImagesAreEqualWithOrWithoutLibraryAndRegistry() {
        assertEquals(ImageRef.parse("python"), ImageRef.parse("docker.io/library/python"));
        assertEquals(ImageRef.parse("python"), ImageRef.parse("python:latest"));
        assertEquals("python:latest", ImageRef.parse("docker.io/library/python").toString());
        assertEquals("docker.io/library/python", ImageRef.parse("python").fullName());
    }

    @Test
    void digests() {
        ImageRef digestOnly = ImageRef.parse("python@" + SHA);
        assertEquals("", digestOnly.tag());
        assertFalse(digestOnly.hasTag());
        assertEquals(SHA, digestOnly.digest());
        ImageRef both = ImageRef.parse("gcr.io/distroless/static:nonroot@" + SHA);
        assertEquals("nonroot", both.tag());
        assertEquals(SHA, both.digest());
        assertEquals("gcr.io/distroless/static:nonroot@" + SHA, both.toString());
        assertEquals("localhost:5000/app", ImageRef.parse("localhost:5000/app@" + SHA).repository());
    }

    @Test
    void scratch() {
        assertTrue(ImageRef.parse("scratch").isScratch());
        assertFalse(ImageRef.parse("myorg/scratch").isScratch());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Python                    | repository name must be lowercase
            python:                   | tag ''
            python:-x                 | tag '-x'
            python@sha256:abc         | digest 'sha256:abc'
            python@md5:0123456789abcdef0123456789abcdef0 | unsupported digest algorithm 'md5'
            a//b                      | empty component
            -python                   | path component '-python'
            python:a:b                | path component 'python:a'
            """)
    void invalidReferencesSayWhy(String input, String expected) {
        ImageRefException e = assertThrows(ImageRefException.class, () -> ImageRef.parse(input));
        assertEquals(ImageRefException.Reason.INVALID, e.reason());
        assertTrue(e.getMessage().startsWith("invalid image reference '" + input + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void otherInvalidReferences() {
        assertThrows(ImageRefException.class, () -> ImageRef.parse(""));
        assertThrows(ImageRefException.class, () -> ImageRef.parse("a".repeat(64).replace('a', 'f')));
        assertThrows(ImageRefException.class, () -> ImageRef.parse("python@sha256:" + "a".repeat(63)));
        assertThrows(ImageRefException.class, () -> ImageRef.parse("python:" + "x".repeat(129)));
        assertThrows(ImageRefException.class, () -> ImageRef.parse("example.com/" + "a".repeat(250)));
        assertThrows(ImageRefException.class, () -> ImageRef.parse("pyt hon"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            python:${PY_VERSION}        | ${PY_VERSION}
            $BASE                       | $BASE
            ${REGISTRY}/app:1           | ${REGISTRY}
            node:${V:-22}-alpine        | ${V:-22}
            """)
    void unexpandedVariablesAreFlagged(String input, String variable) {
        assertTrue(ImageRef.containsVariable(input));
        ImageRefException e = assertThrows(ImageRefException.class, () -> ImageRef.parse(input));
        assertEquals(ImageRefException.Reason.UNEXPANDED_VARIABLE, e.reason());
        assertTrue(e.getMessage().contains(variable), e.getMessage());
        assertFalse(ImageRef.containsVariable("python:3"));
    }
}
