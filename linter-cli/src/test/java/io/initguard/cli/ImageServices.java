package io.initguard.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real services the image tests use (scripts/test-services.sh installs and starts them): Debian's
 * {@code docker-registry} on 127.0.0.1 (HTTPS, a self-signed certificate made with openssl), {@code skopeo} to put images where they are read from, and the Docker
 * engine. Without them the tests fail when {@code CI=true} and are skipped otherwise.
 */
final class ImageServices {
    private ImageServices() {
    }

    /** Fails (CI) or skips the test class when one of the tools is not on PATH. */
    static void requireTools(String... tools) {
        List<String> missing = new ArrayList<>();
        for (String t : tools) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, t))) found = true;
            }
            if (!found) missing.add(t);
        }
        if (!Files.isRegularFile(TestImage.BUSYBOX)) missing.add(TestImage.BUSYBOX + " (busybox-static)");
        if (!missing.isEmpty()) unavailable("missing " + String.join(", ", missing)
                + " (scripts/test-services.sh installs them)");
    }

    /** Fails (CI) or skips the test class when the Docker engine does not answer. */
    static void requireDocker() throws IOException, InterruptedException {
        Ran info = run("docker", "info", "--format", "{{.ServerVersion}}");
        if (info.code() != 0) unavailable("Docker is not reachable (docker info: " + info.output().strip()
                + "); scripts/test-services.sh starts dockerd");
    }

    private static void unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) fail(why + "; CI must have them");
        System.err.println("image tests skipped: " + why);
        Assumptions.abort(why + "; set CI=true to make this a failure");
    }

    /** What a command printed (stdout and stderr together) and its exit code. */
    record Ran(int code, String output) {
    }

    /** Runs a command and waits for it (at most two minutes). */
    static Ran run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Ran(127, e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs a command; fails the test with its output when it fails. */
    static String check(String... command) throws IOException, InterruptedException {
        Ran r = run(command);
        if (r.code() != 0) fail(String.join(" ", command) + " failed (" + r.code() + "): " + r.output());
        return r.output();
    }

    /** {@code skopeo copy FROM TO} with extra options (before the names). */
    static void copy(String from, String to, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "-q"));
        cmd.addAll(List.of(options));
        cmd.add(from);
        cmd.add(to);
        check(cmd.toArray(String[]::new));
    }

    /** A port on 127.0.0.1 that nothing listens on (as far as one can tell). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code docker-registry serve} on 127.0.0.1, storing in a temp folder. */
    static final class Registry implements AutoCloseable {
        final Path work;
        final int port;
        private Process process;

        private Registry(Path work, int port) {
            this.work = work;
            this.port = port;
        }

        /** {@code 127.0.0.1:PORT}. */
        String host() {
            return "127.0.0.1:" + port;
        }

        /**
         * Starts a registry serving HTTPS with a self-signed certificate (so {@code --tls-verify=false} is needed);
         * {@code topExtra} is YAML at the top level of its config (e.g. auth).
         *
         * <p>Why not plain HTTP: with {@code --tls-verify=false} initguard tries HTTPS first, and distribution's
         * plain HTTP server waits for a newline that a TLS ClientHello often lacks, so the attempt times out and
         * initguard does not fall back to HTTP (it does only when HTTPS fails fast); about half of all runs would.
         */
        static Registry start(Path work, String topExtra) throws IOException, InterruptedException {
            requireTools("docker-registry", "skopeo", "openssl");
            Registry r = new Registry(work, freePort());
            Path storage = Files.createDirectories(work.resolve("storage"));
            Path key = work.resolve("server.key");
            Path cert = work.resolve("server.pem");
            check("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                    cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1");
            Files.writeString(work.resolve("registry.yml"), "version: 0.1\n"
                    + "log:\n  level: error\n"
                    + "storage:\n  filesystem:\n    rootdirectory: " + storage + "\n"
                    + "http:\n  addr: 127.0.0.1:" + r.port + "\n  secret: initguard-test-secret\n"
                    + "  tls:\n    certificate: " + cert + "\n    key: " + key + "\n" + topExtra);
            r.startProcess();
            return r;
        }

        /** Starts the registry process again (after {@link #close}) on the same port and storage. */
        void startProcess() throws IOException, InterruptedException {
            process = new ProcessBuilder("docker-registry", "serve", work.resolve("registry.yml").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("registry.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return;
                } catch (IOException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        fail("docker-registry did not start: " + Files.readString(work.resolve("registry.log")));
                    }
                    Thread.sleep(50);
                }
            }
        }

        /** Pushes an image to {@code REPO:TAG} here. */
        void push(String from, String repoAndTag, String... options) throws IOException, InterruptedException {
            List<String> o = new ArrayList<>(List.of("--dest-tls-verify=false"));
            o.addAll(List.of(options));
            copy(from, "docker://" + host() + "/" + repoAndTag, o.toArray(String[]::new));
        }

        /** Stops the registry; its port is then closed. */
        @Override
        public void close() throws InterruptedException {
            if (process == null) return;
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }
}
