#!/usr/bin/env bash
# Installs (Debian, as root) and starts what the tests need: shells and inits to compare against, musl-gcc for the
# bundled init, and a Docker engine (started without iptables, bridge or overlayfs, so it runs in a sandbox).
# Without root or apt it only checks, and says what is missing.
set -uo pipefail
packages=(dash bash busybox-static util-linux gcc musl-tools tini dumb-init catatonit python3 python3-pexpect docker.io
  docker-registry skopeo apache2-utils openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test-services: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || {
      echo "test-services: could not install ${missing[*]}" >&2; exit 1; }
  else
    echo "test-services: missing packages (install them as root): ${missing[*]}" >&2
  fi
fi

docker_cli=$(command -v docker || true)
if [ -n "$docker_cli" ] && ! "$docker_cli" info >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v dockerd >/dev/null; then
    echo "test-services: starting dockerd" >&2
    mkdir -p /var/lib/docker
    # A dockerd that was killed (the end of a session, say) leaves pid files that stop the next one from starting.
    # Its process may linger as a zombie where nothing reaps it, so "running" means present and not in state Z.
    for pidfile in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
      [ -f "$pidfile" ] || continue
      state=$(awk '{print $3}' "/proc/$(cat "$pidfile")/stat" 2>/dev/null)
      if [ -z "$state" ] || [ "$state" = Z ]; then rm -f "$pidfile"; fi
    done
    nohup dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
        >/tmp/initguard-dockerd.log 2>&1 &
    for _ in $(seq 1 120); do
      "$docker_cli" info >/dev/null 2>&1 && break
      sleep 0.5
    done
    "$docker_cli" info >/dev/null 2>&1 || { echo "test-services: dockerd did not start; see /tmp/initguard-dockerd.log" >&2; exit 1; }
  else
    echo "test-services: no Docker engine running and cannot start one; Docker tests will fail in CI" >&2
  fi
fi
exit 0
