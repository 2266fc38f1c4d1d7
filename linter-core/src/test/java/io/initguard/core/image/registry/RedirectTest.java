package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.initguard.core.image.MediaTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A registry that redirects blobs to another host (as Docker Hub does to its CDN): the redirect is followed and
 * counted, and the registry's credentials are not sent to the other host. Two small HTTPS servers (a keytool key,
 * {@code tlsVerify=false}) play the registry and the storage.
 */
class RedirectTest {
    @TempDir
    Path work;
    private final List<HttpsServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private HttpsServer server(SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        s.start();
        servers.add(s);
        return s;
    }

    private SSLContext tls() throws Exception {
        Path ks = work.resolve("ks.p12");
        RegistryFixture.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", ks.toString(), "-storepass", "changeit", "-keyalg", "RSA", "-alias", "k",
                "-dname", "CN=127.0.0.1", "-validity", "2"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void send(HttpExchange e, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> e.getResponseHeaders().add(k, v));
        e.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) e.getResponseBody().write(body);
        e.close();
    }

    @Test
    void blobRedirectsAreFollowedWithoutTheCredentials() throws Exception {
        SSLContext tls = tls();
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\"/cdn\"]}}"
                .getBytes(StandardCharsets.UTF_8);
        String configDigest = RegistryFixture.sha256(config);
        ObjectNode m = RegistryFixture.JSON.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", MediaTypes.OCI_MANIFEST);
        m.putObject("config").put("mediaType", MediaTypes.OCI_CONFIG).put("digest", configDigest)
                .put("size", config.length);
        m.putArray("layers");
        byte[] manifest = RegistryFixture.JSON.writeValueAsBytes(m);
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
        List<String> storageSaw = new ArrayList<>();

        HttpsServer storage = server(tls);
        storage.createContext("/data/config", e -> {
            storageSaw.add(String.valueOf(e.getRequestHeaders().getFirst("Authorization")));
            send(e, 200, Map.of(), config);
        });
        HttpsServer registry = server(tls);
        String storageUrl = "https://127.0.0.1:" + storage.getAddress().getPort() + "/data/config";
        registry.createContext("/v2/", e -> {
            if (!basic.equals(e.getRequestHeaders().getFirst("Authorization"))) {
                send(e, 401, Map.of("WWW-Authenticate", "Basic realm=\"test\""), new byte[0]);
            } else if (e.getRequestURI().getPath().equals("/v2/app/manifests/1")) {
                send(e, 200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST), manifest);
            } else if (e.getRequestURI().getPath().equals("/v2/app/blobs/" + configDigest)) {
                send(e, 307, Map.of("Location", storageUrl), new byte[0]);
            } else {
                send(e, 404, Map.of(), new byte[0]);
            }
        });

        RegistryOptions options = RegistryOptions.defaults().withTlsVerify(false)
                .withDockerConfig(work.resolve("none.json")).withCredentials(RegistryCredentials.parse("alice:secret"));
        try (RegistrySource source = RegistrySource.open("127.0.0.1:" + registry.getAddress().getPort() + "/app:1",
                options)) {
            assertEquals(List.of("/cdn"), source.config().entrypoint());
            assertEquals(4, source.requestCount(), "401 + manifest + config (307) + storage");
        }
        assertEquals(List.of("null"), storageSaw, "no Authorization to the other host");
    }
}
