package io.initguard.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.initguard.init.NativeInit.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native binary as the ENTRYPOINT of real containers (Docker, {@code --network none}, images made locally with
 * {@code docker import}): a {@code FROM scratch} image holding only busybox-static, and a musl-only image whose app
 * is linked dynamically against musl. {@code docker stop} must reach the app's TERM handler (its output and exit
 * status 42 show it) and the 200 orphans the app leaves must be reaped (the app counts zombies). Without a
 * reachable Docker engine these tests fail when {@code CI=true} and are skipped otherwise.
 */
class DockerIT {

    private static final String SCRATCH_IMAGE = "initguard-init-test/scratch-busybox:latest";
    private static final String MUSL_IMAGE = "initguard-init-test/musl-only:latest";

    @TempDir
    static Path work;

    @BeforeAll
    static void buildImages() throws IOException {
        Result info = NativeInit.run(List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        if (info.status() != 0) {
            String why = "Docker is not reachable (docker info: " + info.stderr().strip() + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; CI must start dockerd before ./mvnw verify");
            }
            System.err.println("DockerIT skipped: " + why);
            Assumptions.abort(why + "; set CI=true to make this a failure");
        }
        Path scratch = rootfs("scratch");
        Files.copy(Path.of("/bin/busybox"), scratch.resolve("bin/busybox"));
        for (String applet : List.of("sh", "sleep", "cat")) {
            Files.createSymbolicLink(scratch.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.copy(Path.of("src/test/resources/docker/app.sh"), scratch.resolve("app.sh"));
        importImage(scratch, SCRATCH_IMAGE);

        Path musl = rootfs("musl");
        Files.copy(Path.of("/lib/ld-musl-x86_64.so.1").toRealPath(), musl.resolve("lib/ld-musl-x86_64.so.1"));
        Result gcc = NativeInit.run(List.of("musl-gcc", "-O2", "-s", "-o", musl.resolve("app").toString(),
            "src/test/resources/docker/app.c"));
        assertEquals(0, gcc.status(), gcc.stderr());
        importImage(musl, MUSL_IMAGE);
    }

    private static Path rootfs(String name) throws IOException {
        Path root = work.resolve(name);
        for (String directory : List.of("bin", "sbin", "lib", "proc", "dev", "sys", "tmp")) {
            Files.createDirectories(root.resolve(directory));
        }
        Files.copy(NativeInit.BINARY, root.resolve("sbin/initguard-init"), StandardCopyOption.COPY_ATTRIBUTES);
        return root;
    }

    private static void importImage(Path root, String tag) {
        Result result = NativeInit.run(List.of("sh", "-c", "tar -C \"$1\" -c . | docker import -c "
            + "'ENTRYPOINT [\"/sbin/initguard-init\", \"--\"]' - \"$2\"", "sh", root.toString(), tag));
        assertEquals(0, result.status(), result.stderr());
    }

    @Test
    void scratchImageWithBusybox() {
        stopReachesTheAppAndNoZombieIsLeft(SCRATCH_IMAGE, "/bin/sh", "/app.sh");
    }

    @Test
    void muslOnlyImage() {
        stopReachesTheAppAndNoZombieIsLeft(MUSL_IMAGE, "/app");
    }

    @Test
    void exitStatusOfTheAppIsTheContainers() {
        Result result = docker("run", "--rm", "--network", "none", SCRATCH_IMAGE, "/bin/sh", "-c", "exit 3");
        assertEquals(3, result.status(), result.stderr());
        Result missing = docker("run", "--rm", "--network", "none", MUSL_IMAGE, "/no/such/app");
        assertEquals(127, missing.status());
        assertTrue(missing.stderr().contains("exec /no/such/app failed: No such file or directory"),
            missing.stderr());
    }

    private void stopReachesTheAppAndNoZombieIsLeft(String image, String... command) {
        String name = "initguard-init-it-" + UUID.randomUUID();
        List<String> run = new ArrayList<>(List.of("run", "-d", "--network", "none", "--name", name, image));
        run.addAll(List.of(command));
        try {
            Result started = docker(run.toArray(String[]::new));
            assertEquals(0, started.status(), started.stderr());
            String logs = "";
            for (int i = 0; i < 600 && !logs.contains("ready"); i++) {
                NativeInit.sleep(50);
                logs = docker("logs", name).stdout();
            }
            assertTrue(logs.contains("ready, left=0\n"), logs);
            Result stop = docker("stop", "-t", "30", name);
            assertEquals(0, stop.status(), stop.stderr());
            assertEquals("42\n", docker("inspect", "-f", "{{.State.ExitCode}}", name).stdout());
            assertEquals("ready, left=0\napp got TERM, zombies=0\n", docker("logs", name).stdout());
        } finally {
            docker("rm", "-f", name);
        }
    }

    private static Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return NativeInit.run(command);
    }
}
