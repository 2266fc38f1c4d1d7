package io.initguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.initguard.cli.Cli.ruleIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code initguard scan} end to end: images built by hand as OCI layouts, put with skopeo where scan reads them
 * (an OCI layout, an OCI archive, a docker-archive, a real registry, the Docker engine), and scanned in-process.
 */
class ScanIT {
    private static final String DAEMON_NAME = "initguard-cli-test/five:1";

    @TempDir
    static Path work;
    static ImageServices.Registry registry;
    static ImageServices.Registry locked;
    static TestImage.Written five;
    static TestImage.Written tini;
    static TestImage.Written shell;

    @BeforeAll
    static void images() throws Exception {
        ImageServices.requireTools("docker-registry", "skopeo", "htpasswd");
        ImageServices.requireDocker();
        registry = ImageServices.Registry.start(Files.createDirectories(work.resolve("registry")), "");
        Path htpasswd = work.resolve("htpasswd");
        Files.writeString(htpasswd, ImageServices.check("htpasswd", "-Bbn", "alice", "secret").strip() + "\n");
        locked = ImageServices.Registry.start(Files.createDirectories(work.resolve("locked")),
                "auth:\n  htpasswd:\n    realm: initguard-test\n    path: " + htpasswd + "\n");

        five = TestImage.busyboxWithTini().entrypoint("/entrypoint.sh").cmd("/bin/sleep", "1")
                .write(work.resolve("five"), "1");
        ImageServices.copy(five.name(), "oci-archive:" + work.resolve("five-oci.tar"));
        ImageServices.copy(five.name(), "docker-archive:" + work.resolve("five-docker.tar") + ":" + DAEMON_NAME);
        registry.push(five.name(), "five:1");
        ImageServices.copy(five.name(), "docker-daemon:" + DAEMON_NAME);

        tini = TestImage.busyboxWithTini().text("app", "#!/bin/sh\nexec sleep 1\n", 0755)
                .entrypoint("/usr/bin/tini", "--", "/app").write(work.resolve("tini"), "1");
        registry.push(tini.name(), "tini:1");
        locked.push(tini.name(), "tini:1", "--dest-creds", "alice:secret");

        shell = TestImage.busybox().cmd("sh", "-c", "sleep 1; echo").write(work.resolve("shell"), "1");
        registry.push(shell.name(), "shell:1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) registry.close();
        if (locked != null) locked.close();
        if (ImageServices.run("docker", "info").code() == 0) ImageServices.run("docker", "rmi", "-f", DAEMON_NAME);
    }

    private static Cli.Result scan(String... args) {
        List<String> a = new ArrayList<>(List.of("scan", "--format", "json", "--tls-verify=false"));
        a.addAll(List.of(args));
        return Cli.run(a);
    }

    private static List<String> chain(JsonNode target) {
        return StreamSupport.stream(target.get("chain").spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A usage or input error: exit 2, one line on stderr with every fragment, and no stack trace. */
    private static void assertOneLineError(Cli.Result r, String... fragments) {
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        for (String f : fragments) assertTrue(r.err().contains(f), () -> "stderr lacks '" + f + "'\n" + r);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r::toString);
    }

    @Test
    void fiveSourcesOneVerdict() {
        List<String> names = List.of(five.name(), "oci-archive:" + work.resolve("five-oci.tar"),
                "docker-archive:" + work.resolve("five-docker.tar") + ":" + DAEMON_NAME,
                "docker://" + registry.host() + "/five:1", "docker-daemon:" + DAEMON_NAME);
        Cli.Result r = scan(names.toArray(String[]::new));
        assertEquals(1, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        JsonNode targets = r.json().get("targets");
        assertEquals(5, targets.size(), r::toString);
        JsonNode first = targets.get(0);
        // The entrypoint script execs the CMD, so sleep is PID 1; tini is in the image but unused.
        assertEquals("no-init", first.get("verdict").asText(), r::toString);
        assertEquals("sleep", first.get("pid1").asText(), r::toString);
        assertEquals(List.of("IG401", "IG402"), ruleIds(first), r::toString);
        assertTrue(chain(first).contains("the script entrypoint.sh (layer 1 (COPY layer1 /) /entrypoint.sh) execs"
                + " [\"/bin/sleep\", \"1\"]"), r::toString);
        for (int i = 0; i < 5; i++) {
            JsonNode t = targets.get(i);
            String name = names.get(i);
            assertEquals(name, t.get("file").asText(), r::toString);
            assertEquals(first.get("verdict"), t.get("verdict"), name);
            assertEquals(first.get("init"), t.get("init"), name);
            assertEquals(first.get("pid1"), t.get("pid1"), name);
            assertEquals(ruleIds(first), ruleIds(t), name);
            List<String> hops = chain(t);
            assertTrue(hops.getFirst().contains(name), () -> name + ": the first hop names the source: " + hops);
            assertEquals(chain(first).subList(1, chain(first).size()), hops.subList(1, hops.size()), name);
        }
    }

    @Test
    void anInitAsEntrypointFromTheLayoutAndTheRegistry() {
        Cli.Result r = scan(tini.name(), "docker://" + registry.host() + "/tini:1");
        assertEquals(0, r.code(), r::toString);
        for (JsonNode t : r.json().get("targets")) {
            assertEquals("init", t.get("verdict").asText(), r::toString);
            assertEquals("tini", t.get("init").asText(), r::toString);
            assertEquals(List.of(), ruleIds(t), r::toString);
        }
    }

    @Test
    void aShellThatStaysPid1FromTheLayoutAndTheRegistry() {
        Cli.Result r = scan(shell.name(), "docker://" + registry.host() + "/shell:1");
        assertEquals(1, r.code(), r::toString);
        JsonNode targets = r.json().get("targets");
        assertEquals(2, targets.size(), r::toString);
        for (JsonNode t : targets) {
            assertEquals("no-init", t.get("verdict").asText(), r::toString);
            assertEquals("sh", t.get("pid1").asText(), r::toString);
            assertTrue(ruleIds(t).contains("IG404"), r::toString);
            assertTrue(ruleIds(t).contains("IG401"), r::toString);
        }
        assertEquals(chain(targets.get(0)).subList(1, chain(targets.get(0)).size()),
                chain(targets.get(1)).subList(1, chain(targets.get(1)).size()), r::toString);
    }

    // ---- errors

    @Test
    void anImageTheRegistryDoesNotHave() {
        String name = "docker://" + registry.host() + "/nope:1";
        Cli.Result r = scan(name);
        // distribution answers 404 MANIFEST_UNKNOWN with "manifest unknown"
        assertOneLineError(r, name, "manifest unknown");
    }

    @Test
    void aRegistryThatWantsCredentials() {
        String name = "docker://" + locked.host() + "/tini:1";
        assertOneLineError(scan(name), name, "requires credentials");

        Cli.Result ok = scan("--creds", "alice:secret", name);
        assertEquals(0, ok.code(), ok::toString);
        assertEquals("init", ok.json().at("/targets/0/verdict").asText(), ok::toString);
    }

    @Test
    void aMissingOciFolder() {
        String name = "oci:" + work.resolve("not-here") + ":1";
        Cli.Result r = scan(name);
        assertOneLineError(r, name);
        assertEquals(0, r.json().get("targets").size(), r::toString);
    }

    // ---- IG402, IG403, and a verdict from the config alone

    @Test
    void anEntrypointThatIsNotInTheImage() throws Exception {
        TestImage.Written missing = TestImage.busybox().entrypoint("/missing.sh").write(work.resolve("missing"), "1");
        Cli.Result r = scan(missing.name());
        assertEquals(1, r.code(), r::toString);
        JsonNode t = r.json().at("/targets/0");
        assertTrue(ruleIds(t).contains("IG403"), r::toString);
        assertTrue(t.at("/findings/" + ruleIds(t).indexOf("IG403") + "/message").asText().contains("/missing.sh"),
                r::toString);
    }

    @Test
    void tiniInTheImageButNotUsed() throws Exception {
        TestImage.Written unused = TestImage.busyboxWithTini().text("app", "#!/bin/sh\nexec sleep 1\n", 0755)
                .cmd("/app").write(work.resolve("unused"), "1");
        Cli.Result r = scan(unused.name());
        assertEquals(1, r.code(), r::toString);
        JsonNode t = r.json().at("/targets/0");
        assertEquals("no-init", t.get("verdict").asText(), r::toString);
        assertEquals(List.of("IG401", "IG402"), ruleIds(t), r::toString);
    }

    @Test
    void theConfigAloneDecidesAndNoLayerIsOpened() throws Exception {
        TestImage.Written big = TestImage.busyboxWithTini().bigLayer(32L << 20)
                .entrypoint("/usr/bin/tini", "--", "/app").write(work.resolve("big"), "1");
        Path blob = big.blob(big.layerDigests().get(1));
        assertTrue(Files.size(blob) > 32L << 20);
        Files.delete(blob);
        Cli.Result r = scan(big.name());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        JsonNode t = r.json().at("/targets/0");
        assertEquals("init", t.get("verdict").asText(), r::toString);
        assertEquals("tini", t.get("init").asText(), r::toString);
        assertTrue(chain(t).contains("decided by the image config alone: no layer was read"), r::toString);
    }
}
