package io.initguard.init.ffm;

import io.initguard.init.Errno;
import io.initguard.init.Os;
import io.initguard.init.Signals;
import io.initguard.init.SpawnRequest;
import io.initguard.init.SpawnResult;
import io.initguard.init.WaitResult;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * {@link Os} on glibc through the FFM API, so that the init's logic runs in tests on HotSpot. Good enough for
 * tests, not for production: the signal mask only covers the calling thread (about 17 JVM threads keep theirs), so
 * tests send signals to that thread with {@link #signalInitThread(int)}; a process-directed SIGCHLD may be taken
 * by another thread, so {@link #waitSignal(int)} wakes up at least every 50 ms to let the caller reap; SIGUSR2
 * belongs to the JVM and is never blocked. The child is started with {@code posix_spawnp} (never fork in a JVM,
 * never {@code ProcessBuilder}, whose reaper thread races {@code waitpid(-1)}). Call {@link #close()} to restore
 * the thread's mask and dispositions.
 */
public final class FfmOs implements Os, AutoCloseable {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MemoryLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle GETPID = function("getpid", FunctionDescriptor.of(JAVA_INT), false);
    private static final MethodHandle GETTID = function("gettid", FunctionDescriptor.of(JAVA_INT), false);
    private static final MethodHandle GETENV = function("getenv", FunctionDescriptor.of(ADDRESS, ADDRESS), false);
    private static final MethodHandle WRITE = function("write",
        FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), true);
    private static final MethodHandle READ = function("read",
        FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), true);
    private static final MethodHandle OPEN = LINKER.downcallHandle(LIBC.find("open").orElseThrow(),
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2),
        Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), true);
    private static final MethodHandle FCHMOD = function("fchmod",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), true);
    private static final MethodHandle SIGMASK = function("pthread_sigmask",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), false);
    private static final MethodHandle SIGNALFD = function("signalfd",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), true);
    private static final MethodHandle POLL = function("poll",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), true);
    private static final MethodHandle SIGNAL = function("signal",
        FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS), false);
    private static final MethodHandle WAITPID = function("waitpid",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), true);
    private static final MethodHandle KILL = function("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
        true);
    private static final MethodHandle TGKILL = function("tgkill",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), true);
    private static final MethodHandle PRCTL = LINKER.downcallHandle(LIBC.find("prctl").orElseThrow(),
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), Linker.Option.firstVariadicArg(1),
        Linker.Option.captureCallState("errno"));
    private static final MethodHandle TCSETPGRP = function("tcsetpgrp",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), true);
    private static final MethodHandle STRERROR = function("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT),
        false);
    private static final MethodHandle CLOCK_GETTIME = function("clock_gettime",
        FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), false);
    private static final MethodHandle SPAWNATTR_INIT = function("posix_spawnattr_init",
        FunctionDescriptor.of(JAVA_INT, ADDRESS), false);
    private static final MethodHandle SPAWNATTR_SETFLAGS = function("posix_spawnattr_setflags",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ValueLayout.JAVA_SHORT), false);
    private static final MethodHandle SPAWNATTR_SETPGROUP = function("posix_spawnattr_setpgroup",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), false);
    private static final MethodHandle SPAWNATTR_SETSIGMASK = function("posix_spawnattr_setsigmask",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), false);
    private static final MethodHandle SPAWNATTR_SETSIGDEFAULT = function("posix_spawnattr_setsigdefault",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), false);
    private static final MethodHandle SPAWNP = function("posix_spawnp",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS), false);
    private static final MemorySegment ENVIRON = LIBC.find("environ").orElseThrow().reinterpret(8);

    private static final int SIG_SETMASK = 2;
    private static final int SFD_NONBLOCK = 04000;
    private static final int SFD_CLOEXEC = 02000000;
    private static final short POSIX_SPAWN_SETPGROUP = 0x02;
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final int SIGSET_BYTES = 128;
    private static final int SPAWNATTR_BYTES = 512;
    private static final int MAX_WAIT_MILLIS = 50;

    private final Arena arena = Arena.ofShared();
    private final int initThread = call(GETTID);
    private long savedMask;
    private boolean maskSaved;
    private int signalFd = -1;
    private MemorySegment savedTtin;
    private MemorySegment savedTtou;

    private static MethodHandle function(String name, FunctionDescriptor descriptor, boolean errno) {
        MemorySegment address = LIBC.find(name).orElseThrow(() -> new IllegalStateException("no libc " + name));
        return errno
            ? LINKER.downcallHandle(address, descriptor, Linker.Option.captureCallState("errno"))
            : LINKER.downcallHandle(address, descriptor);
    }

    private static int call(MethodHandle handle, Object... args) {
        try {
            return (int) handle.invokeWithArguments(args);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(MethodHandle handle, Object... args) {
        try {
            return handle.invokeWithArguments(args);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls a function that reports errno through a capture segment; returns its int result, errno in state. */
    private static long callErrno(MethodHandle handle, MemorySegment state, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = state;
        System.arraycopy(args, 0, all, 1, args.length);
        Object result = invoke(handle, all);
        return result instanceof Long l ? l : (Integer) result;
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** Sends a signal to the thread that created this object (the thread running the init's loop). */
    public int signalInitThread(int signal) {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment state = local.allocate(CAPTURE);
            return callErrno(TGKILL, state, getpid(), initThread, signal) == 0 ? 0 : errno(state);
        }
    }

    @Override
    public int getpid() {
        return call(GETPID);
    }

    @Override
    public String getenv(String name) {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment value = (MemorySegment) invoke(GETENV, local.allocateFrom(name));
            return value.address() == 0 ? null : value.reinterpret(Long.MAX_VALUE).getString(0);
        }
    }

    @Override
    public void write(int fd, byte[] bytes) {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment buffer = local.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, buffer, ValueLayout.JAVA_BYTE, 0, bytes.length);
            writeAll(fd, buffer, bytes.length, local.allocate(CAPTURE));
        }
    }

    private static int writeAll(int fd, MemorySegment buffer, long length, MemorySegment state) {
        long done = 0;
        while (done < length) {
            long n = callErrno(WRITE, state, fd, buffer.asSlice(done), length - done);
            if (n < 0) {
                if (errno(state) == Errno.EINTR) {
                    continue;
                }
                return errno(state);
            }
            done += n;
        }
        return 0;
    }

    @Override
    public long blockSignalsAndOpenSignalFd(long mask) {
        mask &= ~Signals.bit(Signals.SIGUSR2);
        MemorySegment set = arena.allocate(SIGSET_BYTES);
        MemorySegment old = arena.allocate(SIGSET_BYTES);
        set.set(JAVA_LONG, 0, mask);
        call(SIGMASK, SIG_SETMASK, set, old);
        if (!maskSaved) {
            savedMask = old.get(JAVA_LONG, 0);
            maskSaved = true;
        }
        try (Arena local = Arena.ofConfined()) {
            signalFd = (int) callErrno(SIGNALFD, local.allocate(CAPTURE), -1, set, SFD_NONBLOCK | SFD_CLOEXEC);
        }
        return old.get(JAVA_LONG, 0);
    }

    @Override
    public int waitSignal(int timeoutMillis) {
        int timeout = timeoutMillis < 0 ? MAX_WAIT_MILLIS : Math.min(timeoutMillis, MAX_WAIT_MILLIS);
        try (Arena local = Arena.ofConfined()) {
            MemorySegment state = local.allocate(CAPTURE);
            MemorySegment info = local.allocate(128);
            long n = callErrno(READ, state, signalFd, info, 128L);
            if (n == 128) {
                return info.get(JAVA_INT, 0);
            }
            MemorySegment pollFd = local.allocate(8);
            pollFd.set(JAVA_INT, 0, signalFd);
            pollFd.set(JAVA_INT, 4, 1);
            callErrno(POLL, state, pollFd, 1L, timeout);
            n = callErrno(READ, state, signalFd, info, 128L);
            return n == 128 ? info.get(JAVA_INT, 0) : 0;
        }
    }

    @Override
    public boolean ignoreSignal(int signal) {
        MemorySegment previous = (MemorySegment) invoke(SIGNAL, signal, MemorySegment.ofAddress(1));
        if (signal == Signals.SIGTTIN && savedTtin == null) {
            savedTtin = previous;
        } else if (signal == Signals.SIGTTOU && savedTtou == null) {
            savedTtou = previous;
        }
        return previous.address() == 1;
    }

    @Override
    public WaitResult waitAnyNoHang() {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment state = local.allocate(CAPTURE);
            MemorySegment status = local.allocate(JAVA_INT);
            int pid = (int) callErrno(WAITPID, state, -1, status, 1);
            return new WaitResult(pid, status.get(JAVA_INT, 0), pid < 0 ? errno(state) : 0);
        }
    }

    @Override
    public int kill(int pid, int signal) {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment state = local.allocate(CAPTURE);
            return callErrno(KILL, state, pid, signal) == 0 ? 0 : errno(state);
        }
    }

    private int prctl(int option, long argument) {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment state = local.allocate(CAPTURE);
            return callErrno(PRCTL, state, option, argument) == 0 ? 0 : errno(state);
        }
    }

    @Override
    public int setChildSubreaper() {
        return prctl(36, 1);
    }

    @Override
    public boolean isChildSubreaper() {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment bit = local.allocate(JAVA_INT);
            return prctl(37, bit.address()) == 0 && bit.get(JAVA_INT, 0) == 1;
        }
    }

    @Override
    public int setParentDeathSignal(int signal) {
        return prctl(1, signal);
    }

    @Override
    public SpawnResult spawn(SpawnRequest request) {
        try (Arena local = Arena.ofConfined()) {
            String[] argv = request.argv();
            MemorySegment pointers = local.allocate(ADDRESS, argv.length + 1L);
            for (int i = 0; i < argv.length; i++) {
                pointers.setAtIndex(ADDRESS, i, local.allocateFrom(argv[i]));
            }
            pointers.setAtIndex(ADDRESS, argv.length, MemorySegment.NULL);
            MemorySegment attr = local.allocate(SPAWNATTR_BYTES);
            call(SPAWNATTR_INIT, attr);
            MemorySegment mask = local.allocate(SIGSET_BYTES);
            mask.set(JAVA_LONG, 0, request.signalMask());
            call(SPAWNATTR_SETSIGMASK, attr, mask);
            MemorySegment defaults = local.allocate(SIGSET_BYTES);
            long toDefault = 0;
            if (!request.ttinIgnored()) {
                toDefault |= Signals.bit(Signals.SIGTTIN);
            }
            if (!request.ttouIgnored()) {
                toDefault |= Signals.bit(Signals.SIGTTOU);
            }
            defaults.set(JAVA_LONG, 0, toDefault);
            call(SPAWNATTR_SETSIGDEFAULT, attr, defaults);
            call(SPAWNATTR_SETPGROUP, attr, 0);
            call(SPAWNATTR_SETFLAGS, attr, (short) (POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK
                | POSIX_SPAWN_SETSIGDEF));
            MemorySegment pid = local.allocate(JAVA_INT);
            MemorySegment environ = ENVIRON.get(ADDRESS, 0);
            int error = call(SPAWNP, pid, pointers.getAtIndex(ADDRESS, 0), MemorySegment.NULL, attr, pointers,
                environ);
            if (error != 0) {
                return new SpawnResult.Failed(error);
            }
            int child = pid.get(JAVA_INT, 0);
            // Parent side hand-over of the terminal (the native backend does it in the child, without a race).
            callErrno(TCSETPGRP, local.allocate(CAPTURE), 0, child);
            return new SpawnResult.Started(child);
        }
    }

    @Override
    public String strerror(int errno) {
        MemorySegment text = (MemorySegment) invoke(STRERROR, errno);
        return text.reinterpret(Long.MAX_VALUE).getString(0);
    }

    @Override
    public long monotonicMillis() {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment timespec = local.allocate(16);
            call(CLOCK_GETTIME, 1, timespec);
            return timespec.get(JAVA_LONG, 0) * 1000 + timespec.get(JAVA_LONG, 8) / 1_000_000;
        }
    }

    @Override
    public int copyFile(String source, String target) {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment state = local.allocate(CAPTURE);
            int in = (int) callErrno(OPEN, state, local.allocateFrom(source), 02000000, 0);
            if (in < 0) {
                return errno(state);
            }
            int out = (int) callErrno(OPEN, state, local.allocateFrom(target), 01 | 0100 | 01000 | 02000000, 0755);
            if (out < 0) {
                int errno = errno(state);
                callErrno(CLOSE, state, in);
                return errno;
            }
            MemorySegment buffer = local.allocate(65536);
            int result = 0;
            while (true) {
                long n = callErrno(READ, state, in, buffer, 65536L);
                if (n < 0 && errno(state) == Errno.EINTR) {
                    continue;
                }
                if (n <= 0) {
                    result = n < 0 ? errno(state) : 0;
                    break;
                }
                result = writeAll(out, buffer, n, state);
                if (result != 0) {
                    break;
                }
            }
            if (result == 0 && callErrno(FCHMOD, state, out, 0755) != 0) {
                result = errno(state);
            }
            callErrno(CLOSE, state, in);
            if (callErrno(CLOSE, state, out) != 0 && result == 0) {
                result = errno(state);
            }
            return result;
        }
    }

    @Override
    public String selfExecutable() {
        return "/proc/self/exe";
    }

    /** Restores the thread's signal mask and the TTIN/TTOU dispositions, drops pending signals, closes the fd. */
    @Override
    public void close() {
        if (signalFd >= 0) {
            while (waitSignal(0) != 0) {
                // drain what is still pending for this thread
            }
            try (Arena local = Arena.ofConfined()) {
                callErrno(CLOSE, local.allocate(CAPTURE), signalFd);
            }
            signalFd = -1;
        }
        if (maskSaved) {
            MemorySegment set = arena.allocate(SIGSET_BYTES);
            set.set(JAVA_LONG, 0, savedMask);
            call(SIGMASK, SIG_SETMASK, set, MemorySegment.NULL);
        }
        if (savedTtin != null) {
            invoke(SIGNAL, Signals.SIGTTIN, savedTtin);
        }
        if (savedTtou != null) {
            invoke(SIGNAL, Signals.SIGTTOU, savedTtou);
        }
        arena.close();
    }
}
