"""Releases N orphans at once under the init (this script's parent: PID 1 or a subreaper), then waits until the init has reaped them.

Prints `zombies=Z left=L reap_cpu_ns=T` and exits 0 when no orphan is left, alive or zombie; 1 otherwise.
T is the CPU time (nanoseconds) PID 1 spent between the release and the last reap.
"""
import os
import sys
import time

count = int(sys.argv[1])
init_pid = os.getppid()


def cpu_ns(pid):
    """CPU time of a process in nanoseconds, from the scheduler's statistics."""
    with open("/proc/%d/schedstat" % pid) as f:
        return int(f.read().split()[0])


def others():
    """(zombies, total) among processes other than this one and the init."""
    zombies = total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) in (os.getpid(), init_pid):
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        if init_pid != 1 and int(stat.rsplit(")", 1)[1].split()[1]) != init_pid:
            continue
        total += 1
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            zombies += 1
    return zombies, total


r, w = os.pipe()
devnull = os.open("/dev/null", os.O_WRONLY)
spawner = os.fork()
if spawner == 0:
    # Start the future orphans (cat, blocked on the pipe) with posix_spawn, then die so that they are re-parented.
    actions = [(os.POSIX_SPAWN_DUP2, r, 0), (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_CLOSE, w)]
    for _ in range(count):
        os.posix_spawn("/bin/cat", ["cat"], os.environ, file_actions=actions)
    os._exit(0)
os.waitpid(spawner, 0)
print("released", flush=True)
before = cpu_ns(init_pid)
os.close(w)
os.close(r)
deadline = time.time() + 30
zombies, total = others()
while total and time.time() < deadline:
    time.sleep(0.02)
    zombies, total = others()
print("zombies=%d left=%d reap_cpu_ns=%d" % (zombies, total, cpu_ns(init_pid) - before), flush=True)
sys.exit(0 if total == 0 else 1)
