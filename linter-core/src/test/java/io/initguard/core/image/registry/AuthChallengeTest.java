package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

class AuthChallengeTest {
    @Test
    void dockerHubsBearerChallenge() {
        List<AuthChallenge> c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/alpine:pull\"");
        assertEquals(List.of(new AuthChallenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io", "scope", "repository:library/alpine:pull"))), c);
    }

    @Test
    void quotedCommasEscapesAndSpacesAndSeveralChallenges() {
        List<AuthChallenge> c = AuthChallenge.parse("Basic realm=\"a, \\\"quoted\\\" realm\" , "
                + "Bearer realm = \"https://x/token\", scope=\"repository:a:pull,push\", error=insufficient_scope");
        assertEquals(2, c.size());
        assertEquals(new AuthChallenge("basic", Map.of("realm", "a, \"quoted\" realm")), c.get(0));
        assertEquals(new AuthChallenge("bearer", Map.of("realm", "https://x/token", "scope", "repository:a:pull,push",
                "error", "insufficient_scope")), c.get(1));
    }

    @Test
    void headerValuesAreJoinedAndGarbageSkipped() {
        List<AuthChallenge> c = AuthChallenge.parse(List.of("Negotiate abc==", "BASIC Realm=r"));
        assertEquals(List.of(new AuthChallenge("negotiate", Map.of()), new AuthChallenge("basic", Map.of("realm", "r"))),
                c);
        assertEquals(List.of(), AuthChallenge.parse(""));
    }

    @Test
    void registryErrorBodies() {
        assertEquals("(404 MANIFEST_UNKNOWN: manifest unknown)", RegistryClient.detail(404,
                bytes("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{}},"
                        + "{\"code\":\"OTHER\",\"message\":\"x\"}]}")));
        assertEquals("(500)", RegistryClient.detail(500, bytes("<html><body>\n<h1>oops</h1></body></html>")));
        assertEquals("(502 bad gateway)", RegistryClient.detail(502, bytes("bad   gateway\nsecond line")));
        assertEquals("(401)", RegistryClient.detail(401, new byte[0]));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
