package io.initguard.init;

/** The Linux errno values the init tells apart. */
public final class Errno {

    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int ENXIO = 6;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int ENOTTY = 25;

    private Errno() {
    }

    /** The exit status of a failed exec, as tini and shells report it: 127 not found, 126 not executable. */
    public static int execFailureStatus(int errno) {
        if (errno == ENOENT) {
            return 127;
        }
        if (errno == EACCES) {
            return 126;
        }
        return 1;
    }
}
