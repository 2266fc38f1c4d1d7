package io.initguard.init.teavm;

import io.initguard.init.Errno;
import io.initguard.init.Log;
import io.initguard.init.Os;
import io.initguard.init.Signals;
import io.initguard.init.SpawnRequest;
import io.initguard.init.SpawnResult;
import io.initguard.init.WaitResult;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.Strings;
import org.teavm.interop.c.Include;

/**
 * {@link Os} on libc, for the native binary: TeaVM's C backend turns each {@code @Import} method into a direct call
 * of the libc function, and the binary is linked statically with musl. The process is single-threaded, so the child
 * is started with {@code fork} and the child side (process group, terminal, signal mask and dispositions, exec) runs
 * here, before {@code execvp}; this is what lets the terminal be handed over without a race.
 */
public final class TeaVmOs implements Os {

    private static final int SIG_SETMASK = 2;
    private static final int MUSL_SIGRTMIN = 35;
    private static final int SFD_NONBLOCK = 04000;
    private static final int SFD_CLOEXEC = 02000000;
    private static final int WNOHANG = 1;
    private static final int PR_SET_PDEATHSIG = 1;
    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int PR_GET_CHILD_SUBREAPER = 37;
    private static final int POLLIN = 1;
    private static final int CLOCK_MONOTONIC = 1;
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0100;
    private static final int O_TRUNC = 01000;
    private static final int O_CLOEXEC = 02000000;

    private int signalFd = -1;
    /** Buffers reused on every wake-up (the init is single-threaded): a signalfd_siginfo, a pollfd, a status. */
    private final long[] signalInfo = new long[16];
    private final int[] pollFd = new int[2];
    private final int[] waitStatus = new int[1];

    @Override
    public int getpid() {
        return getpid0();
    }

    @Override
    public String getenv(String name) {
        Address value = getenv0(Strings.toC(name));
        return value.toLong() == 0 ? null : Strings.fromC(value);
    }

    @Override
    public void write(int fd, byte[] bytes) {
        writeAll(fd, bytes, bytes.length);
    }

    private static int writeAll(int fd, byte[] bytes, int length) {
        int done = 0;
        while (done < length) {
            long n = write0(fd, Address.ofData(bytes).add(done), length - done);
            if (n < 0) {
                if (errno() == Errno.EINTR) {
                    continue;
                }
                return errno();
            }
            done += (int) n;
        }
        return 0;
    }

    @Override
    public long blockSignalsAndOpenSignalFd(long mask) {
        long[] set = new long[16];
        long[] old = new long[16];
        set[0] = mask;
        sigprocmask0(SIG_SETMASK, Address.ofData(set), Address.ofData(old));
        signalFd = signalfd0(-1, Address.ofData(set), SFD_NONBLOCK | SFD_CLOEXEC);
        // TeaVM's C runtime blocks SIGRTMIN (35 with musl) before main for its fiber timer, which the init never
        // arms; the signal was not blocked by whoever started the init, so the child gets it unblocked.
        return old[0] & ~Signals.bit(MUSL_SIGRTMIN);
    }

    @Override
    public int waitSignal(int timeoutMillis) {
        while (true) {
            long n = read0(signalFd, Address.ofData(signalInfo), 128);
            if (n == 128) {
                return (int) (signalInfo[0] & 0xffffffffL);
            }
            pollFd[0] = signalFd;
            pollFd[1] = POLLIN;
            int ready = poll0(Address.ofData(pollFd), 1, timeoutMillis);
            if (ready == 0) {
                return 0;
            }
            if (ready < 0 && errno() != Errno.EINTR) {
                return 0;
            }
        }
    }

    @Override
    public boolean ignoreSignal(int signal) {
        Address previous = signal0(signal, Address.fromLong(1));
        return previous.toLong() == 1;
    }

    @Override
    public WaitResult waitAnyNoHang() {
        int pid = waitpid0(-1, Address.ofData(waitStatus), WNOHANG);
        return new WaitResult(pid, waitStatus[0], pid < 0 ? errno() : 0);
    }

    @Override
    public int kill(int pid, int signal) {
        return kill0(pid, signal) == 0 ? 0 : errno();
    }

    @Override
    public int setChildSubreaper() {
        return prctl0(PR_SET_CHILD_SUBREAPER, 1) == 0 ? 0 : errno();
    }

    @Override
    public boolean isChildSubreaper() {
        int[] bit = new int[1];
        return prctlAddress0(PR_GET_CHILD_SUBREAPER, Address.ofData(bit)) == 0 && bit[0] == 1;
    }

    @Override
    public int setParentDeathSignal(int signal) {
        return prctl0(PR_SET_PDEATHSIG, signal) == 0 ? 0 : errno();
    }

    @Override
    public SpawnResult spawn(SpawnRequest request) {
        String[] argv = request.argv();
        long[] pointers = new long[argv.length + 1];
        for (int i = 0; i < argv.length; i++) {
            pointers[i] = Strings.toC(argv[i]).toLong();
        }
        long[] mask = new long[16];
        mask[0] = request.signalMask();

        int pid = fork0();
        if (pid < 0) {
            return new SpawnResult.Failed(errno());
        }
        if (pid > 0) {
            return new SpawnResult.Started(pid);
        }
        // The child: tini's isolate_child() and restore_signals(), then exec.
        Log log = new Log(this, request.verbosity());
        if (setpgid0(0, 0) < 0) {
            log.fatal("setpgid failed: " + strerror(errno()));
            exit0(1);
        }
        if (tcsetpgrp0(0, getpgrp0()) != 0) {
            int errno = errno();
            if (errno == Errno.ENOTTY) {
                log.debug("tcsetpgrp failed: no tty (ok to proceed)");
            } else if (errno == Errno.ENXIO) {
                log.debug("tcsetpgrp failed: no such device (ok to proceed)");
            } else {
                log.fatal("tcsetpgrp failed: " + strerror(errno));
                exit0(1);
            }
        }
        if (sigprocmask0(SIG_SETMASK, Address.ofData(mask), Address.fromLong(0)) != 0) {
            log.fatal("Restoring child signal mask failed: '" + strerror(errno()) + "'");
            exit0(1);
        }
        signal0(21, Address.fromLong(request.ttinIgnored() ? 1 : 0));
        signal0(22, Address.fromLong(request.ttouIgnored() ? 1 : 0));
        execvp0(Address.fromLong(pointers[0]), Address.ofData(pointers));
        int errno = errno();
        log.fatal("exec " + argv[0] + " failed: " + strerror(errno));
        exit0(Errno.execFailureStatus(errno));
        return new SpawnResult.Failed(errno);
    }

    @Override
    public String strerror(int errno) {
        return Strings.fromC(strerror0(errno));
    }

    @Override
    public long monotonicMillis() {
        long[] timespec = new long[2];
        clockGettime0(CLOCK_MONOTONIC, Address.ofData(timespec));
        return timespec[0] * 1000 + timespec[1] / 1_000_000;
    }

    @Override
    public int copyFile(String source, String target) {
        int in = open0(Strings.toC(source), O_RDONLY | O_CLOEXEC, 0);
        if (in < 0) {
            return errno();
        }
        int out = open0(Strings.toC(target), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
        if (out < 0) {
            int errno = errno();
            close0(in);
            return errno;
        }
        byte[] buffer = new byte[65536];
        int result = 0;
        while (true) {
            long n = read0(in, Address.ofData(buffer), buffer.length);
            if (n < 0 && errno() == Errno.EINTR) {
                continue;
            }
            if (n < 0) {
                result = errno();
                break;
            }
            if (n == 0) {
                break;
            }
            result = writeAll(out, buffer, (int) n);
            if (result != 0) {
                break;
            }
        }
        if (result == 0 && fchmod0(out, 0755) != 0) {
            result = errno();
        }
        close0(in);
        if (close0(out) != 0 && result == 0) {
            result = errno();
        }
        return result;
    }

    @Override
    public String selfExecutable() {
        return "/proc/self/exe";
    }

    /** Ends the process with a status, without running anything else. */
    public void exit(int status) {
        exit0(status);
    }

    private static int errno() {
        return errnoLocation0().getInt();
    }

    @Import(name = "getpid")
    @Include(value = "unistd.h", isSystem = true)
    private static native int getpid0();

    @Import(name = "getpgrp")
    @Include(value = "unistd.h", isSystem = true)
    private static native int getpgrp0();

    @Import(name = "setpgid")
    @Include(value = "unistd.h", isSystem = true)
    private static native int setpgid0(int pid, int pgid);

    @Import(name = "tcsetpgrp")
    @Include(value = "unistd.h", isSystem = true)
    private static native int tcsetpgrp0(int fd, int pgrp);

    @Import(name = "fork")
    @Include(value = "unistd.h", isSystem = true)
    private static native int fork0();

    @Import(name = "execvp")
    @Include(value = "unistd.h", isSystem = true)
    private static native int execvp0(Address file, Address argv);

    @Import(name = "_exit")
    @Include(value = "unistd.h", isSystem = true)
    private static native void exit0(int status);

    @Import(name = "write")
    @Include(value = "unistd.h", isSystem = true)
    private static native long write0(int fd, Address buffer, long count);

    @Import(name = "read")
    @Include(value = "unistd.h", isSystem = true)
    private static native long read0(int fd, Address buffer, long count);

    @Import(name = "close")
    @Include(value = "unistd.h", isSystem = true)
    private static native int close0(int fd);

    @Import(name = "open")
    @Include(value = "fcntl.h", isSystem = true)
    private static native int open0(Address path, int flags, int mode);

    @Import(name = "fchmod")
    @Include(value = "sys/stat.h", isSystem = true)
    private static native int fchmod0(int fd, int mode);

    @Import(name = "getenv")
    @Include(value = "stdlib.h", isSystem = true)
    private static native Address getenv0(Address name);

    @Import(name = "strerror")
    @Include(value = "string.h", isSystem = true)
    private static native Address strerror0(int errno);

    @Import(name = "__errno_location")
    @Include(value = "errno.h", isSystem = true)
    private static native Address errnoLocation0();

    @Import(name = "sigprocmask")
    @Include(value = "signal.h", isSystem = true)
    private static native int sigprocmask0(int how, Address set, Address old);

    @Import(name = "signal")
    @Include(value = "signal.h", isSystem = true)
    private static native Address signal0(int signal, Address handler);

    @Import(name = "kill")
    @Include(value = "signal.h", isSystem = true)
    private static native int kill0(int pid, int signal);

    @Import(name = "signalfd")
    @Include(value = "sys/signalfd.h", isSystem = true)
    private static native int signalfd0(int fd, Address mask, int flags);

    @Import(name = "poll")
    @Include(value = "poll.h", isSystem = true)
    private static native int poll0(Address fds, long count, int timeout);

    @Import(name = "waitpid")
    @Include(value = "sys/wait.h", isSystem = true)
    private static native int waitpid0(int pid, Address status, int options);

    @Import(name = "prctl")
    @Include(value = "sys/prctl.h", isSystem = true)
    private static native int prctl0(int option, long argument);

    @Import(name = "prctl")
    @Include(value = "sys/prctl.h", isSystem = true)
    private static native int prctlAddress0(int option, Address argument);

    @Import(name = "clock_gettime")
    @Include(value = "time.h", isSystem = true)
    private static native int clockGettime0(int clock, Address timespec);
}
