package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.initguard.core.image.ImageException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry with token auth ({@code auth: token}) and a token issuer started here: it checks Basic alice:secret and
 * signs RS256 JWTs with a key whose self-signed certificate (made by openssl) is the registry's rootcertbundle; the
 * JWT header carries it as {@code x5c}. It answers with {@code access_token} (not {@code token}).
 */
class TokenAuthRegistryTest {
    static final String SERVICE = "initguard-test-registry";
    static final String ISSUER = "initguard-test-issuer";

    @TempDir
    static Path work;
    static RegistryFixture registry;
    static HttpServer issuer;
    static final AtomicInteger issuerHits = new AtomicInteger();
    static PrivateKey key;
    static X509Certificate cert;
    static String realm;

    @BeforeAll
    static void start() throws Exception {
        RegistryFixture.requireTools("docker-registry", "skopeo", "openssl");
        Path keyFile = work.resolve("issuer.key");
        Path certFile = work.resolve("issuer.pem");
        RegistryFixture.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                keyFile.toString(), "-out", certFile.toString(), "-days", "2", "-subj", "/CN=" + ISSUER));
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        try (InputStream in = Files.newInputStream(certFile)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer.createContext("/token", TokenAuthRegistryTest::issue);
        issuer.start();
        realm = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/token";
        registry = RegistryFixture.start(work, "", "auth:\n  token:\n    realm: " + realm + "\n    service: " + SERVICE
                + "\n    issuer: " + ISSUER + "\n    rootcertbundle: " + certFile + "\n");
        RegistryFixture.singleImage(work.resolve("app"), "1", "token");
        registry.push(work.resolve("app"), "1", "app:1", "--dest-creds", "alice:secret");
        registry.push(work.resolve("app"), "1", "other:1", "--dest-creds", "alice:secret");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) registry.close();
        if (issuer != null) issuer.stop(0);
    }

    /** The token service: Basic alice:secret, then a JWT granting what the scopes ask. */
    private static void issue(HttpExchange exchange) throws IOException {
        issuerHits.incrementAndGet();
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
        byte[] body;
        int status;
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            List<String> scopes = new ArrayList<>();
            String service = null;
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                if (kv[0].equals("scope")) scopes.addAll(List.of(value.split(" ")));
                if (kv[0].equals("service")) service = value;
            }
            if (!SERVICE.equals(service)) {
                status = 400;
                body = "{\"details\":\"wrong service\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                ObjectNode answer = RegistryFixture.JSON.createObjectNode();
                answer.put("access_token", jwt(scopes));
                answer.put("expires_in", 300);
                answer.put("issued_at", Instant.now().toString());
                body = RegistryFixture.JSON.writeValueAsBytes(answer);
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String jwt(List<String> scopes) {
        try {
            ObjectNode header = RegistryFixture.JSON.createObjectNode();
            header.put("alg", "RS256");
            header.put("typ", "JWT");
            header.putArray("x5c").add(Base64.getEncoder().encodeToString(cert.getEncoded()));
            long now = Instant.now().getEpochSecond();
            ObjectNode claims = RegistryFixture.JSON.createObjectNode();
            claims.put("iss", ISSUER);
            claims.put("sub", "alice");
            claims.put("aud", SERVICE);
            claims.put("exp", now + 300);
            claims.put("nbf", now - 10);
            claims.put("iat", now);
            claims.put("jti", UUID.randomUUID().toString());
            ArrayNode access = claims.putArray("access");
            for (String scope : scopes) {
                String[] parts = scope.split(":");
                if (parts.length != 3) continue;
                ObjectNode a = access.addObject();
                a.put("type", parts[0]);
                a.put("name", parts[1]);
                ArrayNode actions = a.putArray("actions");
                for (String action : parts[2].split(",")) actions.add(action);
            }
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String signed = url.encodeToString(RegistryFixture.JSON.writeValueAsBytes(header)) + "."
                    + url.encodeToString(RegistryFixture.JSON.writeValueAsBytes(claims));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + url.encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RegistryOptions options(String creds) {
        RegistryOptions o = RegistryOptions.defaults().withTlsVerify(false)
                .withDockerConfig(work.resolve("no-config.json"));
        return creds == null ? o : o.withCredentials(RegistryCredentials.parse(creds));
    }

    @Test
    void theTokenIsFetchedOnceAndReusedPerScope() throws Exception {
        try (RegistryClient client = new RegistryClient(options("alice:secret"))) {
            int before = issuerHits.get();
            RegistrySource first = RegistrySource.open(registry.host() + "/app:1", client);
            assertEquals("token", first.config().labels().get("marker"));
            assertEquals(4, first.requestCount(), "401 + token + manifest + config");
            assertEquals(1, issuerHits.get() - before);

            RegistrySource again = RegistrySource.open(registry.host() + "/app:1", client);
            again.config();
            again.openBlob(again.manifest().layers().getFirst()).close();
            assertEquals(3, again.requestCount(), "manifest + config + layer with the cached token");
            assertEquals(1, issuerHits.get() - before, "the token is reused for the same scope");

            RegistrySource other = RegistrySource.open(registry.host() + "/other:1", client);
            other.config();
            assertEquals(3, other.requestCount(), "token (asked up front) + manifest + config");
            assertEquals(2, issuerHits.get() - before);
            assertEquals(2, client.tokenRequestCount());
            assertEquals(10, client.requestCount());
        }
    }

    @Test
    void anExpiredTokenIsReplaced() throws Exception {
        MutableClock clock = new MutableClock();
        try (RegistryClient client = new RegistryClient(options("alice:secret"), clock)) {
            int before = issuerHits.get();
            RegistrySource.open(registry.host() + "/app:1", client).config();
            clock.advance(Duration.ofSeconds(299));
            RegistrySource.open(registry.host() + "/app:1", client).config();
            assertEquals(1, issuerHits.get() - before, "still valid after 299 of its 300 s");
            clock.advance(Duration.ofSeconds(2));
            RegistrySource late = RegistrySource.open(registry.host() + "/app:1", client);
            late.config();
            assertEquals(2, issuerHits.get() - before, "expired after 300 s");
            assertEquals(3, late.requestCount(), "token + manifest + config");
        }
    }

    @Test
    void badCredentialsAreRefusedByTheTokenService() throws Exception {
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options("alice:wrong"))) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals("docker://" + registry.host() + "/app:1: the token service " + realm + " refused a token for "
                    + "user 'alice' from --creds (401 UNAUTHORIZED: bad credentials)", e.getMessage());
        }
    }

    @Test
    void withoutCredentialsTheMessageSaysSo() throws Exception {
        try (RegistrySource source = RegistrySource.open(registry.host() + "/app:1", options(null))) {
            ImageException e = assertThrows(ImageException.class, source::config);
            assertEquals("docker://" + registry.host() + "/app:1: the token service " + realm + " refused a token "
                    + "without credentials (--creds, or docker login) (401 UNAUTHORIZED: bad credentials)",
                    e.getMessage());
        }
    }

    /** A clock the test moves by hand (token expiry without waiting). */
    static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
