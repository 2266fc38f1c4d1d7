package io.initguard.init.teavm;

import io.initguard.init.Supervisor;

/** The entry point of the native binary {@code initguard-init}, compiled by TeaVM's C backend. */
public final class NativeMain {

    private NativeMain() {
    }

    /** Runs the init and exits with its status. */
    public static void main(String[] args) {
        TeaVmOs os = new TeaVmOs();
        os.exit(Supervisor.main(args, os));
    }
}
