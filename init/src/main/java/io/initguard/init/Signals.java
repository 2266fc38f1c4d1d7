package io.initguard.init;

/**
 * Linux x86-64 signal numbers, names and the set the init forwards. Masks are {@code long}s where bit
 * {@code n-1} stands for signal {@code n}, the layout of the first word of a kernel {@code sigset_t}.
 */
public final class Signals {

    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGABRT = 6;
    public static final int SIGBUS = 7;
    public static final int SIGFPE = 8;
    public static final int SIGKILL = 9;
    public static final int SIGUSR1 = 10;
    public static final int SIGSEGV = 11;
    public static final int SIGUSR2 = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGALRM = 14;
    public static final int SIGTERM = 15;
    public static final int SIGSTKFLT = 16;
    public static final int SIGCHLD = 17;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGTSTP = 20;
    public static final int SIGTTIN = 21;
    public static final int SIGTTOU = 22;
    public static final int SIGURG = 23;
    public static final int SIGXCPU = 24;
    public static final int SIGXFSZ = 25;
    public static final int SIGVTALRM = 26;
    public static final int SIGPROF = 27;
    public static final int SIGWINCH = 28;
    public static final int SIGIO = 29;
    public static final int SIGPWR = 30;
    public static final int SIGSYS = 31;
    /** The highest signal number on Linux. */
    public static final int SIGRTMAX = 64;

    private static final String[] NAMES = {
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"
    };

    /** glibc's {@code strsignal} texts, used in tini's messages. */
    private static final String[] DESCRIPTIONS = {
        null, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted",
        "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
        "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited",
        "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
        "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired",
        "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"
    };

    /** The signals tini accepts for {@code -p}, by name. */
    private static final int[] PDEATHSIG_CHOICES = {
        SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGKILL, SIGUSR1, SIGSEGV, SIGUSR2,
        SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGXCPU,
        SIGXFSZ, SIGVTALRM, SIGPROF, SIGWINCH, SIGSYS
    };

    /** Signals the init leaves unblocked: faults stay with the init, TTIN/TTOU are ignored by it. */
    private static final int[] NOT_COLLECTED = {SIGFPE, SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGTRAP, SIGSYS, SIGTTIN,
        SIGTTOU, SIGKILL, SIGSTOP};

    private Signals() {
    }

    /** @return the mask bit of a signal */
    public static long bit(int signal) {
        return 1L << (signal - 1);
    }

    /** @return true when the mask contains the signal */
    public static boolean contains(long mask, int signal) {
        return (mask & bit(signal)) != 0;
    }

    /**
     * The signals the init collects through its signal fd: everything from 1 to 64 except the faults, TTIN, TTOU,
     * KILL and STOP. CHLD is collected but not forwarded.
     */
    public static long collectedMask() {
        long mask = -1L;
        for (int signal : NOT_COLLECTED) {
            mask &= ~bit(signal);
        }
        return mask;
    }

    /** @return true when a collected signal is passed on to the child (all but CHLD) */
    public static boolean isForwarded(int signal) {
        return signal != SIGCHLD && contains(collectedMask(), signal);
    }

    /**
     * Looks up a name accepted by tini's {@code -p}, e.g. {@code SIGKILL}.
     *
     * @return the number, or 0 when the name is not one of them
     */
    public static int parsePdeathsig(String name) {
        for (int signal : PDEATHSIG_CHOICES) {
            if (NAMES[signal].equals(name)) {
                return signal;
            }
        }
        return 0;
    }

    /** @return the short name, e.g. {@code SIGTERM} or {@code SIGRT5} */
    public static String name(int signal) {
        if (signal > 0 && signal < NAMES.length) {
            return NAMES[signal];
        }
        return "SIG" + signal;
    }

    /** @return the text glibc's {@code strsignal} gives, e.g. {@code Terminated} */
    public static String describe(int signal) {
        if (signal > 0 && signal < DESCRIPTIONS.length) {
            return DESCRIPTIONS[signal];
        }
        if (signal >= 34 && signal <= SIGRTMAX) {
            return "Real-time signal " + (signal - 34);
        }
        return "Unknown signal " + signal;
    }
}
