#!/usr/bin/env bash
# Image-scanning benchmark (docs/benchmarks.md, "Image scanning"): `initguard scan` of a ~500 MB, 10-layer gzip image
# whose verdict needs every layer, against the floor of listing the same layers with tar, from an OCI layout on
# disk and from a local registry; and the registry requests of a config-only resolution (lint --resolve-images).
#
# Needs python3, skopeo, docker-registry, curl (scripts/test-services.sh installs them). Prints Markdown on stdout.
# usage: bench/image-bench.sh [ROUNDS] [LAYOUT_DIR]
#   ROUNDS      interleaved rounds (default 5): each runs every measured command once, in turn
#   LAYOUT_DIR  an existing layout from bench/gen_image.py to reuse (default: generate one in a temp folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rounds=${1:-5}
work=$(mktemp -d /tmp/initguard-image-bench.XXXXXX)
registry_pid=
cleanup() {
  if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
layout=${2:-$work/layout}
if [ ! -f "$layout/index.json" ]; then
  echo "image-bench: generating the image in $layout (a few minutes)" >&2
  python3 bench/gen_image.py "$layout" 500 42 >&2
fi
./initguard --version >/dev/null   # builds the CLI and its AOT cache if needed

# The layer blobs, bottom first, from the manifest.
mapfile -t layers < <(python3 - "$layout" <<'PY'
import json, sys, os
d = sys.argv[1]
idx = json.load(open(os.path.join(d, "index.json")))
m = json.load(open(os.path.join(d, "blobs", *idx["manifests"][0]["digest"].split(":"))))
for l in m["layers"]:
    print(l["digest"].split(":")[1])
PY
)

# A local registry (Debian's docker-registry, distribution 2.x) on a free port, with an access log.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/registry.yml" <<EOF
version: 0.1
log:
  level: info
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:$port
EOF
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.2; done
ref="127.0.0.1:$port/bench/app:1"
skopeo copy -q --dest-tls-verify=false "oci:$layout:bench" "docker://$ref" >&2

floor_oci() { for l in "${layers[@]}"; do tar -tzf "$layout/blobs/sha256/$l" >/dev/null; done; }
floor_registry() {
  for l in "${layers[@]}"; do curl -fs "http://127.0.0.1:$port/v2/bench/app/blobs/sha256:$l" | tar -tz >/dev/null; done
}
scan_oci() { ./initguard scan --no-fail "oci:$layout:bench" >"$work/scan-oci.txt"; }
scan_registry() { ./initguard scan --no-fail --tls-verify=false "docker://$ref" >"$work/scan-registry.txt"; }
timed() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); echo "$1 $(( (e - s) / 1000000 ))" >>"$work/times"; }

load_before=$(uptime)
for r in $(seq 1 "$rounds"); do
  echo "image-bench: round $r of $rounds" >&2
  timed floor_oci; timed scan_oci; timed floor_registry; timed scan_registry
done
load_after=$(uptime)

# Config-only resolution: a Dockerfile FROM the registry image, with an empty image cache; the registry's access
# log lines written meanwhile are the requests it served.
mkdir -p "$work/df" "$work/cache"
printf 'FROM %s\nCMD ["server"]\n' "$ref" >"$work/df/Dockerfile"
before=$(grep -c '"[A-Z]* /v2/' "$work/registry.log" || true)
XDG_CACHE_HOME="$work/cache" ./initguard lint --no-fail --resolve-images --tls-verify=false "$work/df/Dockerfile" \
  >"$work/resolve.txt"
sleep 0.5
grep '"[A-Z]* /v2/' "$work/registry.log" | tail -n +"$((before + 1))" | sed -E 's/.*"([A-Z]+ [^ ]+) HTTP[^"]*" ([0-9]+).*/\1 \2/' \
  >"$work/resolve-requests.txt"

python3 - "$work" "$rounds" "$layout" "$ref" "$load_before" "$load_after" "${layers[@]}" <<'PY'
import os, statistics, sys
work, rounds, layout, ref, before, after = sys.argv[1:7]
layers = sys.argv[7:]
t = {}
for line in open(os.path.join(work, "times")):
    k, v = line.split()
    t.setdefault(k, []).append(int(v) / 1000)
med = {k: statistics.median(v) for k, v in t.items()}
size = sum(os.path.getsize(os.path.join(layout, "blobs", "sha256", l)) for l in layers)
print("Image: %d gzip layers, %.0f MB of blobs; %s rounds, interleaved; medians in seconds (all runs: min-max)." % (len(layers), size / 1e6, rounds))
print()
print("| measurement | median s | runs (min-max) | ratio to its floor |")
print("|---|---:|---:|---:|")
rows = [("floor_oci", "floor: `tar -tzf` of each layer blob, on disk", None),
        ("scan_oci", "`initguard scan oci:DIR:bench`", "floor_oci"),
        ("floor_registry", "floor: `curl` each blob from the registry `| tar -tz`", None),
        ("scan_registry", "`initguard scan --tls-verify=false docker://%s`" % ref, "floor_registry")]
for k, label, base in rows:
    ratio = "**%.2fx**" % (med[k] / med[base]) if base else ""
    print("| %s | %.2f | %.2f-%.2f | %s |" % (label, med[k], min(t[k]), max(t[k]), ratio))
print()
print("Registry scan against the on-disk floor: %.2fx." % (med["scan_registry"] / med["floor_oci"]))
print()
reqs = [l.strip() for l in open(os.path.join(work, "resolve-requests.txt")) if l.strip()]
print("Config-only resolution (`lint --resolve-images` of `FROM %s`, empty cache): %d registry requests:" % (ref, len(reqs)))
for r in reqs:
    print("- `%s`" % r)
print()
print("Scan verdict (oci:):")
print()
print("```")
print(open(os.path.join(work, "scan-oci.txt")).read().rstrip())
print("```")
print()
print("`uptime` before: `%s`; after: `%s`." % (before.strip(), after.strip()))
PY
