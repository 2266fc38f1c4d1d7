package io.initguard.core.image.registry;

import io.initguard.core.image.ImageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain-HTTP registry that sits silent on a TLS hello (as distribution does, waiting for a request line), with TLS
 * verification off: the HTTPS try gives up after a short time and plain HTTP answers, well within the request timeout.
 */
class PlainHttpProbeTest {
    @TempDir
    Path work;

    @Test
    void silenceOnHttpsFallsBackToHttp() throws Exception {
        // One port: a connection that starts with "GET" is answered as HTTP (404 with a registry error body); any
        // other first byte (a TLS hello) gets silence.
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread t = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        held.add(s);
                        Thread.ofVirtual().start(() -> answer(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            RegistryOptions o = RegistryOptions.defaults().withTimeout(Duration.ofSeconds(20)).withTlsVerify(false)
                    .withDockerConfig(work.resolve("none.json"));
            try (RegistrySource source = RegistrySource.open("127.0.0.1:" + server.getLocalPort() + "/app:1", o)) {
                long start = System.nanoTime();
                ImageException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                        () -> assertThrows(ImageException.class, source::manifest));
                // The registry's own answer (over HTTP), not a timeout: and long before the 20 s request timeout.
                assertTrue(e.getMessage().contains("MANIFEST_UNKNOWN"), e.getMessage());
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
            } finally {
                for (Socket s : held) s.close();
                t.interrupt();
            }
        }
    }

    private static void answer(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            int first = in.read();
            if (first != 'G') {
                in.readAllBytes(); // silent until the client gives up
                return;
            }
            byte[] buf = new byte[4096];
            in.read(buf);
            byte[] body = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException ignored) {
            // the client went away
        }
    }
}
