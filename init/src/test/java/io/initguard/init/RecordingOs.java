package io.initguard.init;

import io.initguard.init.ffm.FfmOs;
import java.nio.charset.StandardCharsets;

/** The real FFM {@link Os}, except that what the init writes to stdout and stderr is kept for assertions. */
final class RecordingOs implements Os, AutoCloseable {

    final FfmOs real = new FfmOs();
    final StringBuilder stdout = new StringBuilder();
    final StringBuilder stderr = new StringBuilder();
    /** Runs just before the child is spawned, with the init's signals already blocked. */
    Runnable beforeSpawn = () -> { };

    @Override
    public void write(int fd, byte[] bytes) {
        (fd == 1 ? stdout : stderr).append(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public int getpid() {
        return real.getpid();
    }

    @Override
    public String getenv(String name) {
        return real.getenv(name);
    }

    @Override
    public long blockSignalsAndOpenSignalFd(long mask) {
        return real.blockSignalsAndOpenSignalFd(mask);
    }

    @Override
    public int waitSignal(int timeoutMillis) {
        return real.waitSignal(timeoutMillis);
    }

    @Override
    public boolean ignoreSignal(int signal) {
        return real.ignoreSignal(signal);
    }

    @Override
    public WaitResult waitAnyNoHang() {
        return real.waitAnyNoHang();
    }

    @Override
    public int kill(int pid, int signal) {
        return real.kill(pid, signal);
    }

    @Override
    public int setChildSubreaper() {
        return real.setChildSubreaper();
    }

    @Override
    public boolean isChildSubreaper() {
        return real.isChildSubreaper();
    }

    @Override
    public int setParentDeathSignal(int signal) {
        return real.setParentDeathSignal(signal);
    }

    @Override
    public SpawnResult spawn(SpawnRequest request) {
        beforeSpawn.run();
        return real.spawn(request);
    }

    @Override
    public String strerror(int errno) {
        return real.strerror(errno);
    }

    @Override
    public long monotonicMillis() {
        return real.monotonicMillis();
    }

    @Override
    public int copyFile(String source, String target) {
        return real.copyFile(source, target);
    }

    @Override
    public String selfExecutable() {
        return real.selfExecutable();
    }

    @Override
    public void close() {
        real.close();
    }
}
