package io.initguard.init;

/** {@code --install DIR}: copies the running binary to {@code DIR/initguard-init}, for init containers and
 * {@code COPY --from}. */
public final class Installer {

    private Installer() {
    }

    /** @return the exit status: 0 when copied, 1 otherwise */
    public static int install(Os os, String directory, Log log) {
        String target = directory.endsWith("/") ? directory + Log.NAME : directory + "/" + Log.NAME;
        int errno = os.copyFile(os.selfExecutable(), target);
        if (errno != 0) {
            log.fatal("Failed to install into " + directory + ": " + os.strerror(errno));
            return 1;
        }
        log.info("Installed " + target);
        return 0;
    }
}
