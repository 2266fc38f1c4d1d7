package io.initguard.init;

import java.nio.charset.StandardCharsets;

/**
 * The init's main loop, tini's algorithm: block the signals to collect, start the child in its own process group,
 * then on every wake-up forward the signal (all but CHLD) and reap every exited process with
 * {@code waitpid(-1, WNOHANG)}; exit with the main child's status once it is reaped. With {@code --grace}, the
 * main child's exit or a SIGTERM starts a drain: TERM to every remaining process, up to the grace period to exit,
 * then KILL.
 */
public final class Supervisor {

    static final String REAPER_WARNING = Log.NAME + " is not running as PID 1 and isn't registered as a child"
        + " subreaper.\nZombie processes will not be re-parented to " + Log.NAME + ", so zombie reaping won't work.\n"
        + "To fix the problem, use the -s option or set the environment variable TINI_SUBREAPER to register "
        + Log.NAME + " as a child subreaper, or run " + Log.NAME + " as PID 1.";

    private final Options options;
    private final Os os;
    private final Log log;

    private int childPid;
    private int childExitCode = -1;
    private boolean draining;
    private boolean killSent;
    private long drainDeadline;

    private Supervisor(Options options, Os os) {
        this.options = options;
        this.os = os;
        this.log = new Log(os, options.verbosity());
    }

    /** Runs the command line as the init and returns the exit status the init should end with. */
    public static int main(String[] args, Os os) {
        Parsed parsed = CommandLine.parse(args, os::getenv);
        if (parsed instanceof Parsed.Print print) {
            os.write(print.fd(), print.text().getBytes(StandardCharsets.UTF_8));
            return print.exitCode();
        }
        if (parsed instanceof Parsed.Fatal fatal) {
            new Log(os, 1).fatal(fatal.message());
            return fatal.exitCode();
        }
        if (parsed instanceof Parsed.Install install) {
            return Installer.install(os, install.directory(), new Log(os, install.verbosity()));
        }
        return run(((Parsed.Run) parsed).options(), os);
    }

    /** Supervises {@code options.program()} until it exits; returns the init's exit status. */
    public static int run(Options options, Os os) {
        return new Supervisor(options, os).loop();
    }

    private int loop() {
        long originalMask = os.blockSignalsAndOpenSignalFd(Signals.collectedMask());
        boolean ttinIgnored = os.ignoreSignal(Signals.SIGTTIN);
        boolean ttouIgnored = os.ignoreSignal(Signals.SIGTTOU);

        if (options.parentDeathSignal() > 0 && os.setParentDeathSignal(options.parentDeathSignal()) != 0) {
            log.fatal("Failed to set up parent death signal");
            return 1;
        }
        if (options.subreaper()) {
            int errno = os.setChildSubreaper();
            if (errno == Errno.EINVAL) {
                log.fatal("PR_SET_CHILD_SUBREAPER is unavailable on this platform. Are you using Linux >= 3.4?");
                return 1;
            } else if (errno != 0) {
                log.fatal("Failed to register as child subreaper: " + os.strerror(errno));
                return 1;
            }
            log.trace("Registered as child subreaper");
        }
        if (os.getpid() != 1 && !os.isChildSubreaper()) {
            log.warn(REAPER_WARNING);
        }

        String[] program = options.program();
        SpawnResult spawned = os.spawn(new SpawnRequest(program, originalMask, ttinIgnored, ttouIgnored,
            options.verbosity()));
        if (spawned instanceof SpawnResult.Failed failed) {
            log.fatal("exec " + program[0] + " failed: " + os.strerror(failed.errno()));
            return Errno.execFailureStatus(failed.errno());
        }
        childPid = ((SpawnResult.Started) spawned).pid();
        log.info("Spawned child process '" + program[0] + "' with pid '" + childPid + "'");

        while (true) {
            int timeout = -1;
            if (draining && !killSent) {
                timeout = (int) Math.max(0, Math.min(Integer.MAX_VALUE, drainDeadline - os.monotonicMillis()));
            }
            int signal = os.waitSignal(timeout);
            if (signal == Signals.SIGCHLD) {
                log.debug("Received SIGCHLD");
            } else if (signal > 0 && !handleSignal(signal)) {
                return 1;
            }

            int reaped = reapZombies();
            if (reaped == REAP_ERROR) {
                return 1;
            }
            if (draining && !killSent && os.monotonicMillis() >= drainDeadline) {
                log.warn("Grace period of " + options.graceMillis() + " ms is over: sending SIGKILL to the"
                    + " remaining processes");
                signalAll(Signals.SIGKILL);
                killSent = true;
            }
            if (childExitCode < 0) {
                continue;
            }
            if (!options.graceEnabled()) {
                log.trace("Exiting: child has exited");
                return childExitCode;
            }
            if (reaped == REAP_NO_CHILDREN) {
                log.trace("Exiting: child has exited and no process is left");
                return childExitCode;
            }
            if (!draining) {
                startDrain();
            }
        }
    }

    /** @return false on a fatal error */
    private boolean handleSignal(int signal) {
        if (options.graceEnabled() && signal == Signals.SIGTERM) {
            if (!draining) {
                startDrain();
            }
            return true;
        }
        if (childExitCode >= 0) {
            log.debug("Ignoring signal '" + Signals.describe(signal) + "': the main child has exited");
            return true;
        }
        log.debug("Passing signal: '" + Signals.describe(signal) + "'");
        int errno = os.kill(options.killProcessGroup() ? -childPid : childPid, signal);
        if (errno == Errno.ESRCH) {
            log.warn("Child was dead when forwarding signal");
        } else if (errno != 0) {
            log.fatal("Unexpected error when forwarding signal: '" + os.strerror(errno) + "'");
            return false;
        }
        return true;
    }

    private void startDrain() {
        draining = true;
        drainDeadline = os.monotonicMillis() + options.graceMillis();
        log.info("Sending SIGTERM to all processes, grace period " + options.graceMillis() + " ms");
        signalAll(Signals.SIGTERM);
    }

    /**
     * Signals every remaining process: as PID 1, {@code kill(-1)} reaches the whole PID namespace; otherwise
     * only the main child and its process group can be told apart from unrelated processes.
     */
    private void signalAll(int signal) {
        if (os.getpid() == 1) {
            os.kill(-1, signal);
        } else {
            os.kill(-childPid, signal);
            if (childExitCode < 0) {
                os.kill(childPid, signal);
            }
        }
    }

    private static final int REAP_OK = 0;
    private static final int REAP_NO_CHILDREN = 1;
    private static final int REAP_ERROR = 2;

    private int reapZombies() {
        while (true) {
            WaitResult result = os.waitAnyNoHang();
            if (result.pid() == -1) {
                if (result.errno() == Errno.ECHILD) {
                    log.trace("No child to wait");
                    return REAP_NO_CHILDREN;
                }
                if (result.errno() == Errno.EINTR) {
                    continue;
                }
                log.fatal("Error while waiting for pids: '" + os.strerror(result.errno()) + "'");
                return REAP_ERROR;
            }
            if (result.pid() == 0) {
                log.trace("No child to reap");
                return REAP_OK;
            }
            log.debug("Reaped child with pid: '" + result.pid() + "'");
            if (result.pid() == childPid) {
                int code;
                if (result.exited()) {
                    log.info("Main child exited normally (with status '" + result.exitCode() + "')");
                    code = result.exitCode();
                } else if (result.signaled()) {
                    log.info("Main child exited with signal (with signal '" + Signals.describe(result.termSignal())
                        + "')");
                    code = 128 + result.termSignal();
                } else {
                    log.fatal("Main child exited for unknown reason");
                    return REAP_ERROR;
                }
                code = code % 256;
                if (options.remappedToZero()[code]) {
                    code = 0;
                }
                childExitCode = code;
            } else if (options.warnOnReap()) {
                log.warn("Reaped zombie process with pid=" + result.pid());
            }
        }
    }
}
