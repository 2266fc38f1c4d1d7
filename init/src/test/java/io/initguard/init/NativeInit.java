package io.initguard.init;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the native binary built by Maven, as a plain process or as PID 1 of a new PID namespace. */
final class NativeInit {

    /** The binary under test. */
    static final Path BINARY = Path.of(System.getProperty("initguard.init.binary",
        "target/initguard-init-linux-amd64")).toAbsolutePath();

    private NativeInit() {
    }

    /** @return {@code unshare --pid --fork --mount-proc BINARY args...} */
    static List<String> asPid1(String... args) {
        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc"));
        if (!"root".equals(System.getProperty("user.name"))) {
            command.addAll(1, List.of("--user", "--map-root-user"));
        }
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** @return {@code BINARY args...} */
    static List<String> direct(String... args) {
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** @return the absolute path of a scenario script from the test resources */
    static String scenario(String name) {
        return Path.of("src/test/resources/scenarios", name).toAbsolutePath().toString();
    }

    /** What a finished process left. */
    record Result(int status, String stdout, String stderr) {
    }

    /** A started process whose stdout is read line by line; stderr goes to a file. */
    static final class Running implements AutoCloseable {
        final Process process;
        private final BufferedReader stdout;
        private final StringBuilder seen = new StringBuilder();
        private final Path stderr;

        Running(List<String> command, Map<String, String> env, Path workDir) {
            try {
                stderr = Files.createTempFile("initguard-init-", ".err");
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
                if (workDir != null) {
                    builder.directory(workDir.toFile());
                }
                builder.environment().putAll(env);
                process = builder.start();
                stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads stdout until a line equal to {@code line}; fails when stdout ends first or after 20 s. */
        void awaitLine(String line) {
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(20_000);
                    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                String next;
                while ((next = stdout.readLine()) != null) {
                    seen.append(next).append('\n');
                    if (next.equals(line)) {
                        return;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                watchdog.interrupt();
            }
            throw new AssertionError("no line '" + line + "' in stdout:\n" + seen + "stderr:\n" + stderr());
        }

        /** @return the host pid of the init: the process itself, or the child of {@code unshare --fork} */
        long initPid() {
            if (!process.info().command().orElse("").endsWith("unshare")) {
                return process.pid();
            }
            for (int i = 0; i < 1000; i++) {
                var child = process.toHandle().children().findFirst();
                if (child.isPresent()) {
                    return child.get().pid();
                }
                sleep(5);
            }
            throw new AssertionError("unshare started no child");
        }

        /** Sends a signal to the init with kill(1). */
        void signal(int signal) {
            Result result = NativeInit.run(List.of("kill", "-" + signal, String.valueOf(initPid())));
            if (result.status() != 0) {
                throw new AssertionError("kill -" + signal + " failed: " + result.stderr());
            }
        }

        String stderr() {
            try {
                return Files.readString(stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for the end (killing the process after the timeout) and returns everything it printed. */
        Result finish(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor();
                    throw new AssertionError("timed out after " + timeout + "; stdout:\n" + seen + stdout.lines()
                        .reduce("", (a, b) -> a + b + "\n") + "stderr:\n" + stderr());
                }
                String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new Result(process.exitValue(), seen + rest, stderr());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Running start(List<String> command) {
        return new Running(command, Map.of(), null);
    }

    /** Runs a command to its end (30 s at most) with optional stdin. */
    static Result run(List<String> command, Map<String, String> env, Path workDir, String stdin) {
        try (Running running = new Running(command, env, workDir)) {
            try (var in = running.process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return running.finish(Duration.ofSeconds(30));
        }
    }

    static Result run(List<String> command) {
        return run(command, Map.of(), null, null);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
