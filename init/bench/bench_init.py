#!/usr/bin/env python3
"""Benchmarks initguard-init against Debian's tini, tini-static, dumb-init and catatonit in one interleaved run.

Every round runs each init once, in the same order, so that load on the machine hits all of them alike:
  start:  wall time of `INIT -- /bin/true` (spawned with posix_spawn, timed with a monotonic clock)
  rss:    VmRSS of the init while it supervises `sleep`
  reap:   CPU time PID 1 spends to reap 2,000 orphans released at once (init/src/test/resources/scenarios/orphans.py,
          under `unshare --pid --fork --mount-proc`; needs root)
and the size of each binary. Prints a Markdown table of medians.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ORPHANS = os.path.join(HERE, "..", "src", "test", "resources", "scenarios", "orphans.py")


def run_once(argv):
    devnull = os.open(os.devnull, os.O_RDWR)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    start = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter_ns() - start
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("%s failed with %d" % (" ".join(argv), os.waitstatus_to_exitcode(status)))
    return elapsed / 1e6


def rss_kb(init):
    devnull = os.open(os.devnull, os.O_RDWR)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    pid = os.posix_spawn(init, [init, "--", "sleep", "30"], os.environ, file_actions=actions)
    os.close(devnull)
    try:
        deadline = time.time() + 5
        while time.time() < deadline:
            children = open("/proc/%d/task/%d/children" % (pid, pid)).read().split()
            if children and open("/proc/%s/comm" % children[0]).read().strip() == "sleep":
                break
            time.sleep(0.01)
        time.sleep(0.1)
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    finally:
        os.kill(pid, 15)
        os.waitpid(pid, 0)
    raise RuntimeError("no VmRSS for " + init)


def reap_cpu_ms(init):
    out = subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", init, "--", sys.executable, ORPHANS,
                          "2000"], capture_output=True, text=True, check=True).stdout
    fields = dict(part.split("=") for part in out.split("\n")[-2].split())
    if fields["zombies"] != "0" or fields["left"] != "0":
        sys.exit("%s left processes behind: %s" % (init, out))
    return int(fields["reap_cpu_ns"]) / 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("initguard_init")
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--rss-rounds", type=int, default=7)
    parser.add_argument("--reap-rounds", type=int, default=5)
    args = parser.parse_args()

    inits = [("initguard-init", os.path.abspath(args.initguard_init))]
    for name in ("tini", "tini-static", "dumb-init", "catatonit"):
        path = shutil.which(name)
        if path is None:
            sys.exit("missing %s (apt-get install tini dumb-init catatonit)" % name)
        inits.append((name, path))

    start = {name: [] for name, _ in inits}
    rss = {name: [] for name, _ in inits}
    reap = {name: [] for name, _ in inits}
    for name, path in inits:  # warm-up: page cache
        run_once([path, "--", "/bin/true"])
    for round_ in range(args.rounds):
        for name, path in inits:
            start[name].append(run_once([path, "--", "/bin/true"]))
            if round_ < args.rss_rounds:
                rss[name].append(rss_kb(path))
            if round_ < args.reap_rounds:
                reap[name].append(reap_cpu_ms(path))

    print("| init | `INIT -- /bin/true`, median ms | RSS supervising `sleep`, median MB | CPU to reap 2,000 orphans, "
          "median ms | binary size, KB |")
    print("|---|---:|---:|---:|---:|")
    for name, path in inits:
        print("| %s | %.2f | %.2f | %.1f | %d |" % (
            name, statistics.median(start[name]), statistics.median(rss[name]) / 1024,
            statistics.median(reap[name]), os.path.getsize(path) // 1024))
    print()
    print("Rounds: %d for start, %d for RSS, %d for reaping; %s; %d CPUs; kernel %s." % (
        args.rounds, args.rss_rounds, args.reap_rounds, time.strftime("%Y-%m-%d"), os.cpu_count(),
        os.uname().release))


if __name__ == "__main__":
    main()
