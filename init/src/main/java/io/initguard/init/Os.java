package io.initguard.init;

/**
 * The small slice of the operating system the init needs. The logic ({@link Supervisor}) only talks to this
 * interface; {@code io.initguard.init.teavm.TeaVmOs} implements it for the native release binary and
 * {@code io.initguard.init.ffm.FfmOs} for tests on HotSpot. Errors are returned as positive errno values, never
 * thrown, so that the logic decides what to print.
 */
public interface Os {

    /** @return the caller's process id */
    int getpid();

    /** @return the value of an environment variable, or null when it is not set */
    String getenv(String name);

    /** Writes all bytes to a file descriptor (1 = stdout, 2 = stderr); errors are ignored. */
    void write(int fd, byte[] bytes);

    /**
     * Blocks the signals of {@code mask} (bit {@code n-1} stands for signal {@code n}) for the init, replacing
     * its mask, and opens a signal fd for them.
     *
     * @return the mask the init had before, to be handed to the child
     */
    long blockSignalsAndOpenSignalFd(long mask);

    /**
     * Waits for one of the blocked signals.
     *
     * @param timeoutMillis how long to wait at most; negative waits without limit
     * @return the signal number, or 0 when nothing arrived in time (the caller reaps on every wake-up)
     */
    int waitSignal(int timeoutMillis);

    /**
     * Sets the disposition of a signal to ignored.
     *
     * @return true if it was ignored already (so that the child gets the same)
     */
    boolean ignoreSignal(int signal);

    /** {@code waitpid(-1, &status, WNOHANG)}. */
    WaitResult waitAnyNoHang();

    /** {@code kill(pid, signal)}; @return 0 or errno */
    int kill(int pid, int signal);

    /** {@code prctl(PR_SET_CHILD_SUBREAPER, 1)}; @return 0 or errno */
    int setChildSubreaper();

    /** {@code prctl(PR_GET_CHILD_SUBREAPER)}; @return true when the init is a child subreaper */
    boolean isChildSubreaper();

    /** {@code prctl(PR_SET_PDEATHSIG, signal)}; @return 0 or errno */
    int setParentDeathSignal(int signal);

    /**
     * Starts the child: in a new process group, with the terminal on stdin handed to that group where there is
     * one, with the given signal mask and ignored signals, looking the program up on PATH, with cwd, fds and
     * environment untouched.
     */
    SpawnResult spawn(SpawnRequest request);

    /** @return the libc message for an errno value */
    String strerror(int errno);

    /** @return a monotonic clock in milliseconds */
    long monotonicMillis();

    /**
     * Copies a file to a new file (created or truncated, mode 0755).
     *
     * @return 0 or errno
     */
    int copyFile(String source, String target);

    /** @return the path of the running executable, e.g. {@code /proc/self/exe} */
    String selfExecutable();
}
