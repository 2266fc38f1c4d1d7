#!/usr/bin/env bash
# Whole-process benchmarks of `initguard lint`, each against a baseline run in the same session on the same JDK:
#  1. bulk: lint a generated corpus of N realistic Dockerfiles vs. a minimal Java program that only finds and reads
#     the same files (bench/ReadFiles.java);
#  2. one file: `initguard lint Dockerfile` vs. `java -version`.
# Needs hyperfine (Debian package). Prints a Markdown section on stdout.
# usage: bench/lint-bench.sh [N]   (default 10000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/java-env.sh
initguard_find_java
n=${1:-10000}
work=$(mktemp -d /tmp/initguard-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_dockerfiles.py "$work/corpus" "$n" 42
"$JAVA_HOME/bin/javac" -d "$work/read" bench/ReadFiles.java
./initguard --version >/dev/null 2>&1   # builds the CLI and its AOT cache if needed
java="$JAVA_HOME/bin/java"
lint="./initguard lint --no-fail --format json"
hyperfine -N --warmup 2 --runs 10 --export-json "$work/bulk.json" \
  "$java -cp $work/read ReadFiles $work/corpus" \
  "$lint $work/corpus" >&2
hyperfine -N --warmup 3 --runs 30 --export-json "$work/one.json" \
  "$java -version" \
  "./initguard lint --no-fail examples/node-tini/Dockerfile" >&2
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
read_rss=$(rss $java -cp "$work/read" ReadFiles "$work/corpus")
lint_rss=$(rss $lint "$work/corpus")
python3 - "$work" "$n" "$read_rss" "$lint_rss" "$($java -version 2>&1 | head -1)" <<'PY'
import json, sys
work, n, read_rss, lint_rss, jdk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
b = json.load(open(work + "/bulk.json"))["results"]
o = json.load(open(work + "/one.json"))["results"]
med = lambda r: r["median"]
print("| measurement | baseline | initguard | ratio |")
print("|---|---|---|---|")
print("| bulk: %d Dockerfiles, median wall time (10 runs) | read only: %.2f s (%.0f files/s) | lint: %.2f s (%.0f files/s) | **%.2fx** |"
      % (n, med(b[0]), n / med(b[0]), med(b[1]), n / med(b[1]), med(b[1]) / med(b[0])))
print("| bulk: peak RSS | %d MB | %d MB | %.2fx |" % (read_rss // 1024, lint_rss // 1024, lint_rss / read_rss))
print("| one file, median wall time (30 runs) | `java -version`: %.0f ms | %.0f ms | **%.2fx** |"
      % (med(o[0]) * 1000, med(o[1]) * 1000, med(o[1]) / med(o[0])))
print()
print("JDK: %s; machine: %s cores." % (jdk, __import__("os").cpu_count()))
PY
