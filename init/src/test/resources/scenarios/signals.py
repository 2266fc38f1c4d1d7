"""Catches the signals given as arguments, prints `got N` for each, exits 0 once all have arrived."""
import signal
import sys

expected = set(int(a) for a in sys.argv[1:])
received = set()


def handler(signum, frame):
    received.add(signum)
    print("got %d" % signum, flush=True)


for s in expected:
    signal.signal(s, handler)
print("ready", flush=True)
while received != expected:
    signal.pause()
sys.exit(0)
