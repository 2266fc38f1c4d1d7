#!/bin/sh
# Benchmarks the bundled init against Debian's tini, tini-static, dumb-init and catatonit (one interleaved run) and
# prints the Markdown table used in docs/benchmarks.md, section "The bundled init".
# Needs root (unshare), python3, and: apt-get install -y tini dumb-init catatonit musl-tools
# Usage: init/bench/bench-init.sh [--rounds N] [--rss-rounds N] [--reap-rounds N]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
binary="$here/../target/initguard-init-linux-amd64"
if [ ! -x "$binary" ]; then
  echo "build the init first: ./mvnw -pl init package -DskipTests" >&2
  exit 1
fi
exec python3 "$here/bench_init.py" "$binary" "$@"
