package io.initguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.initguard.cli.Cli.ruleIds;
import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lint --resolve-images} against a real registry and the Docker engine, as a separate process (the shaded
 * jar) with XDG_CACHE_HOME in a temp folder, so that the disk cache is the test's own: a Dockerfile, a Kubernetes
 * manifest and a compose file whose image is known only from its config (ENTRYPOINT ["/usr/bin/tini", "--"]).
 */
class ResolveImagesIT {
    private static final String DAEMON_NAME = "initguard-cli-test/resolve-base:1";

    @TempDir
    static Path work;
    static Path jar;
    static ImageServices.Registry registry;
    static TestImage.Written base;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        jar = Path.of(System.getProperty("initguard.jar", "target/initguard.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + "; run `./mvnw -pl linter-cli verify`");
        ImageServices.requireTools("docker-registry", "skopeo");
        ImageServices.requireDocker();
        registry = ImageServices.Registry.start(Files.createDirectories(work.resolve("registry")), "");
        base = TestImage.busyboxWithTini().entrypoint("/usr/bin/tini", "--").write(work.resolve("base"), "1");
        registry.push(base.name(), "base:1");
        ImageServices.copy(base.name(), "docker-daemon:" + DAEMON_NAME);
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) registry.close();
        if (ImageServices.run("docker", "info").code() == 0) ImageServices.run("docker", "rmi", "-f", DAEMON_NAME);
    }

    private record Ran(int code, String out, String err, long millis) {
        JsonNode json() throws IOException {
            return Cli.JSON.readTree(out);
        }

        List<JsonNode> targets() throws IOException {
            return StreamSupport.stream(json().get("targets").spliterator(), false).toList();
        }

        @Override
        public String toString() {
            return "exit " + code + " after " + millis + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code initguard lint --format json ARGS} in {@link #dir}, with XDG_CACHE_HOME={@code cache}. */
    private Ran lint(Path cache, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "lint", "--format", "json"));
        cmd.addAll(List.of(args));
        Path outFile = Files.createTempFile(work, "initguard", ".out");
        Path errFile = Files.createTempFile(work, "initguard", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("initguard did not finish in 2 minutes: " + cmd);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Ran(p.exitValue(), Files.readString(outFile), Files.readString(errFile), millis);
    }

    private Ran lint(String... args) throws Exception {
        return lint(Files.createDirectories(dir.resolve("cache")), args);
    }

    /** A Dockerfile, a Kubernetes manifest and a compose file that run /app on {@code image}. */
    private List<String> inputs(String image) {
        write(dir, "Dockerfile", "FROM " + image + "\nCMD [\"/app\"]\n");
        write(dir, "pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: app
                spec:
                  containers:
                    - name: app
                      image: IMAGE
                      args: ["/app"]
                """.replace("IMAGE", image));
        write(dir, "compose.yaml", """
                services:
                  app:
                    image: IMAGE
                    command: ["/app"]
                """.replace("IMAGE", image));
        return List.of("Dockerfile", "pod.yaml", "compose.yaml");
    }

    private static List<String> chain(JsonNode target) {
        return StreamSupport.stream(target.get("chain").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void assertVerdict(Ran r, String verdict, int targets) throws IOException {
        assertEquals(targets, r.targets().size(), r::toString);
        for (JsonNode t : r.targets()) assertEquals(verdict, t.get("verdict").asText(), r::toString);
    }

    @Test
    void aRegistryImageDecidesDockerfileKubernetesAndCompose() throws Exception {
        List<String> files = inputs(registry.host() + "/base:1");
        List<String> args = Stream.concat(Stream.of("--resolve-images", "--tls-verify=false"), files.stream()).toList();
        Ran resolved = lint(args.toArray(String[]::new));
        assertEquals(0, resolved.code(), resolved::toString);
        assertVerdict(resolved, "init", 3);
        for (JsonNode t : resolved.targets()) assertEquals("tini", t.get("init").asText(), resolved::toString);

        Ran unresolved = lint(files.toArray(String[]::new));
        assertNotEquals(2, unresolved.code(), unresolved::toString);
        assertVerdict(unresolved, "unknown", 3);
        // the unknown-image rules of Dockerfiles, Kubernetes and compose; nothing was looked up
        assertEquals(List.of(List.of("IG106"), List.of("IG205"), List.of("IG305")),
                unresolved.targets().stream().map(Cli::ruleIds).toList(), unresolved::toString);
        for (JsonNode t : unresolved.targets()) {
            assertTrue(chain(t).stream().noneMatch(h -> h.contains("looked up") || h.contains("its config from")),
                    unresolved::toString);
        }
    }

    @Test
    void resolveImagesInTheConfigFile() throws Exception {
        List<String> files = inputs(registry.host() + "/base:1");
        write(dir, ".initguard.yaml", "resolve-images: true\n");
        List<String> args = Stream.concat(Stream.of("--tls-verify=false"), files.stream()).toList();
        Ran r = lint(args.toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        assertVerdict(r, "init", 3);
    }

    @Test
    void theDockerEngineAsImageSource() throws Exception {
        write(dir, "Dockerfile", "FROM " + DAEMON_NAME + "\nCMD [\"/app\"]\n");
        Ran r = lint("--resolve-images", "--image-source", "docker-daemon", "Dockerfile");
        assertEquals(0, r.code(), r::toString);
        assertVerdict(r, "init", 1);
    }

    @Test
    void theDiskCacheAnswersWhenTheRegistryIsGone() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("xdg"));
        try (ImageServices.Registry own = ImageServices.Registry.start(
                Files.createDirectories(dir.resolve("own-registry")), "")) {
            own.push(base.name(), "base:1");
            write(dir, "Dockerfile", "FROM " + own.host() + "/base:1\nCMD [\"/app\"]\n");
            Ran first = lint(cache, "--resolve-images", "--tls-verify=false", "Dockerfile");
            assertEquals(0, first.code(), first::toString);
            assertVerdict(first, "init", 1);
            Path configs = cache.resolve("initguard/images/configs");
            try (Stream<Path> files = Files.list(configs)) {
                List<Path> all = files.toList();
                assertEquals(1, all.size(), all::toString);
                assertTrue(Files.readString(all.getFirst()).contains("/usr/bin/tini"), all::toString);
            }
            own.close();

            Ran cached = lint(cache, "--resolve-images", "--tls-verify=false", "Dockerfile");
            assertEquals(0, cached.code(), cached::toString);
            assertVerdict(cached, "init", 1);
            assertTrue(chain(cached.targets().getFirst()).getFirst().contains("its config from its registry, cached"),
                    cached::toString);

            Ran asked = lint(cache, "--resolve-images", "--tls-verify=false", "--image-cache-ttl", "0",
                    "--timeout", "2s", "Dockerfile");
            assertNotEquals(2, asked.code(), asked::toString);
            assertVerdict(asked, "unknown", 1);
            assertTrue(String.join("\n", chain(asked.targets().getFirst())).contains("onnection refused"),
                    asked::toString);
        }
    }

    @Test
    void aClosedPortGivesUnknownWithTheReason() throws Exception {
        int closed = ImageServices.freePort();
        write(dir, "Dockerfile", "FROM 127.0.0.1:" + closed + "/base:1\nCMD [\"/app\"]\n");
        Ran r = lint("--resolve-images", "--tls-verify=false", "--timeout", "2s", "Dockerfile");
        assertNotEquals(2, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertVerdict(r, "unknown", 1);
        String image = "127.0.0.1:" + closed + "/base:1";
        assertEquals("FROM " + image + ": could not be looked up: docker://" + image + ": cannot connect to 127.0.0.1:"
                + closed + " (http): connection refused (line 1)", chain(r.targets().getFirst()).getFirst(), r::toString);
        JsonNode finding = r.targets().getFirst().at("/findings/0");
        assertEquals("IG106", finding.get("ruleId").asText(), r::toString);
        assertTrue(finding.get("message").asText().startsWith("the base image `" + image + "`: could not be looked"
                + " up: docker://" + image + ": cannot connect"), r::toString);
    }

    @Test
    void aServerThatNeverAnswersDoesNotHangTheRun() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (IOException closed) {
                    // the test is over
                }
            });
            List<String> files = inputs("127.0.0.1:" + silent.getLocalPort() + "/base:1");
            List<String> args = Stream.concat(Stream.of("--resolve-images", "--tls-verify=false", "--timeout", "2s",
                    "--resolve-deadline", "5s"), files.stream()).toList();
            Ran r = lint(args.toArray(String[]::new));
            assertNotEquals(2, r.code(), r::toString);
            // one lookup for the three files (2 s over HTTPS), far from the 2 minutes that would mean a hang
            assertTrue(r.millis() < 30_000, r::toString);
            assertVerdict(r, "unknown", 3);
            for (JsonNode t : r.targets()) {
                assertTrue(String.join("\n", chain(t)).contains("no answer from 127.0.0.1:" + silent.getLocalPort()
                        + " within 2 s"), r::toString);
            }
            silent.close();
            acceptor.join();
        } finally {
            for (Socket s : held) s.close();
        }
    }
}
