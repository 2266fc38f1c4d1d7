package io.initguard.core.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initguard.core.image.Descriptor;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.MediaTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Servers that never answer, or stop mid-body: the source gives up after its request timeout with one line. The
 * preemptive bound only guards against a hang; the tests do not measure time.
 */
class TimeoutTest {
    @TempDir
    Path work;
    private ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    /** Accepts connections; {@code answer} (when not null) is written after the request headers, then nothing. */
    private int serve(String answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    held.add(s);
                    if (answer != null) Thread.ofVirtual().start(() -> answer(s, answer));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private static void answer(Socket s, String answer) {
        try {
            InputStream in = s.getInputStream();
            int first = in.read();
            if (first == 0x16) { // a TLS ClientHello: this server speaks plain HTTP only
                s.close();
                return;
            }
            int matched = 0;
            int c = first;
            while (c >= 0) {
                matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
                if (matched == 4) break; // the end of the request headers
                c = in.read();
            }
            OutputStream out = s.getOutputStream();
            out.write(answer.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the client gave up
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.close();
        for (Socket s : held) s.close();
    }

    private RegistryOptions options(boolean tlsVerify) {
        return RegistryOptions.defaults().withTimeout(Duration.ofSeconds(1)).withTlsVerify(tlsVerify)
                .withDockerConfig(work.resolve("no-config.json"));
    }

    @Test
    void aServerThatNeverAnswers() throws Exception {
        int port = serve(null);
        for (boolean verify : List.of(true, false)) {
            try (RegistrySource source = RegistrySource.open("127.0.0.1:" + port + "/app:1", options(verify))) {
                ImageException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> assertThrows(ImageException.class, source::config));
                // the JDK counts the TLS handshake as connecting; its connect timer and the request timer race.
                // Without verification, silence on HTTPS means "try plain HTTP", which is then silent too.
                String host = "127.0.0.1:" + port;
                String scheme = verify ? "https" : "http";
                assertTrue(e.getMessage().equals("docker://" + host + "/app:1: cannot connect to " + host
                        + " within 1 s (https, TCP and TLS handshake)") || e.getMessage().equals("docker://" + host
                        + "/app:1: no answer from " + host + " within 1 s (" + scheme + ")"), e.getMessage());
            }
        }
    }

    @Test
    void aServerThatAnswersNoRequest() throws Exception {
        int port = serve("");
        try (RegistrySource source = RegistrySource.open("127.0.0.1:" + port + "/app:1", options(false))) {
            ImageException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(ImageException.class, source::config));
            assertEquals("docker://127.0.0.1:" + port + "/app:1: no answer from 127.0.0.1:" + port
                    + " within 1 s (http)", e.getMessage());
        }
    }

    @Test
    void aBlobThatStopsMidway() throws Exception {
        int port = serve("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100\r\n\r\nabc");
        Descriptor blob = new Descriptor(MediaTypes.OCI_LAYER_GZIP, "sha256:" + "0".repeat(64), 100);
        try (RegistrySource source = RegistrySource.open("127.0.0.1:" + port + "/app:1", options(false));
             InputStream in = source.openBlob(blob)) {
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(IOException.class, in::readAllBytes));
            assertEquals(HttpTimeoutException.class, e.getClass());
            assertEquals("http://127.0.0.1:" + port + "/v2/app/blobs/sha256:" + "0".repeat(64) + ": no data for 1.0 s",
                    e.getMessage());
        }
    }
}
