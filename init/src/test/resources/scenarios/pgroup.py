"""tini's process group test: ignores SIGUSR1 itself, runs a grandchild that does not, and waits for it."""
import signal
import subprocess

signal.signal(signal.SIGUSR1, signal.SIG_IGN)
child = subprocess.Popen(["sleep", "60"], preexec_fn=lambda: signal.signal(signal.SIGUSR1, signal.SIG_DFL))
print("ready", flush=True)
child.wait()
print("grandchild %d" % child.returncode, flush=True)
