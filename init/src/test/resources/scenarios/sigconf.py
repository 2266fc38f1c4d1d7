"""tini's signal configuration test: starts the init with some signals blocked and some ignored."""
import os
import signal
import sys

signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTTIN, signal.SIGILL, signal.SIGTERM])
for s in (signal.SIGTTOU, signal.SIGSEGV, signal.SIGINT):
    signal.signal(s, signal.SIG_IGN)
os.execv(sys.argv[1], sys.argv[1:])
