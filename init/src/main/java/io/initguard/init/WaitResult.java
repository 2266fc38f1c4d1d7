package io.initguard.init;

/**
 * What {@code waitpid(-1, &status, WNOHANG)} said.
 *
 * @param pid    the reaped process, 0 when children remain but none has exited, -1 on error
 * @param status the raw wait status when {@code pid > 0}
 * @param errno  the error when {@code pid == -1} (ECHILD: no children left)
 */
public record WaitResult(int pid, int status, int errno) {

    /** @return true when the process exited by itself */
    public boolean exited() {
        return (status & 0x7f) == 0;
    }

    /** @return the exit code, when {@link #exited()} */
    public int exitCode() {
        return (status >> 8) & 0xff;
    }

    /** @return true when a signal killed the process */
    public boolean signaled() {
        int low = status & 0x7f;
        return low != 0 && low != 0x7f;
    }

    /** @return the signal that killed the process, when {@link #signaled()} */
    public int termSignal() {
        return status & 0x7f;
    }
}
