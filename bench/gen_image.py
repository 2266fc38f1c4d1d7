#!/usr/bin/env python3
"""Writes a realistic OCI image layout for the image-scanning benchmark (docs/benchmarks.md).

usage: bench/gen_image.py DIR [TOTAL_MB] [SEED]     (defaults: 500 MB, seed 42)

Ten gzip layers, bottom first, about TOTAL_MB of compressed blobs in all:
  1      a base: /bin/busybox with /bin/sh and other applets as symlinks, /usr/bin/tini (so that IG402 "an init is
         in the image but not used" needs every layer indexed, down to the lowest), a few thousand small text files;
  2-9    packages and application code: many small files (source-like text, compressible) and some large ones
         (random bytes: shared libraries, models, assets that gzip cannot shrink);
  10     the entrypoint script, which sets up and execs `server`, found in PATH (/usr/local/bin, layer 5).
The config's ENTRYPOINT is the script and its CMD `--port 8080` (the script runs `exec server "$@"`): the verdict (no init; tini unused) needs the
script's text from the top layer, PATH lookup in a middle one and the init index over all of them.
Deterministic for a given seed (tar mtimes and gzip headers fixed).
"""
import gzip
import hashlib
import io
import json
import os
import random
import sys
import tarfile

LAYERS = 10
MTIME = 1700000000
WORDS = ("def class import return self value config request response handler server client cache error "
         "import module package data index table user session token path file read write open close").split()


class Hashing(io.RawIOBase):
    """A write-only file that hashes what passes through it and forwards it."""

    def __init__(self, out):
        self.out, self.sha, self.size = out, hashlib.sha256(), 0

    def writable(self):
        return True

    def write(self, b):
        self.sha.update(b)
        self.size += len(b)
        if self.out is not None:
            self.out.write(b)
        return len(b)


_POOL = []


def text(rng, size):
    """Source-like text: a random slice of a 4 MB pool of word lines (made once per run from the seed)."""
    if not _POOL:
        lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) for _ in range(100000)]
        _POOL.append("\n".join(lines).encode())
    pool = _POOL[0]
    start = rng.randrange(0, len(pool) - size) if size < len(pool) else 0
    return pool[start:start + size]


def add(tar, path, data=None, mode=0o644, link=None):
    info = tarfile.TarInfo(path.lstrip("/"))
    info.mtime, info.uid, info.gid, info.uname, info.gname = MTIME, 0, 0, "root", "root"
    if link is not None:
        info.type, info.linkname, info.mode = tarfile.SYMTYPE, link, 0o777
        tar.addfile(info)
    elif data is None:
        info.type, info.mode = tarfile.DIRTYPE, 0o755
        tar.addfile(info)
    else:
        info.size, info.mode = len(data), mode
        tar.addfile(info, io.BytesIO(data))


def layer_files(i, rng, budget):
    """The entries of layer i (1-based): (path, data or None for a folder, mode, link)."""
    elf = b"\x7fELF\x02\x01\x01\x00" + bytes(rng.getrandbits(8) for _ in range(4088))
    if i == 1:
        yield "/bin", None, 0, None
        yield "/bin/busybox", elf, 0o755, None
        for applet in ("sh", "ash", "ls", "cat", "cp", "mv", "rm", "mkdir", "sed", "grep", "awk", "env"):
            yield "/bin/" + applet, None, 0, "busybox"
        yield "/usr/bin/tini", elf, 0o755, None
    if i == LAYERS:
        script = ("#!/bin/sh\nset -e\n# prepare the runtime folders, then hand over to the server\n"
                  "mkdir -p /var/run/app /var/cache/app\n"
                  "if [ -n \"$APP_CONFIG\" ]; then cp \"$APP_CONFIG\" /etc/app/config.yaml; fi\n"
                  "exec server \"$@\"\n")
        yield "/usr/local/bin/docker-entrypoint.sh", script.encode(), 0o755, None
    if i == 5:
        yield "/usr/local/bin/server", elf + rng.randbytes(2 << 20), 0o755, None
    # Small files: about 30% of the layer's budget in source-like text (compresses about 5:1), many files.
    small_budget, n = budget * 3 // 10 * 11 // 2, 0
    d = 0
    while n < small_budget:
        folder = "/usr/lib/app%d/pkg%03d" % (i, d)
        yield folder, None, 0, None
        for f in range(rng.randint(20, 60)):
            data = text(rng, int(rng.lognormvariate(8, 1.2)) + 10)
            yield "%s/mod%03d.py" % (folder, f), data, 0o644, None
            n += len(data)
        d += 1
    # Large files: random bytes, the rest of the budget, in files of 8-60 MB.
    big, k = budget * 7 // 10, 0
    while big > 0:
        size = min(big, rng.randint(8, 60) << 20)
        yield "/opt/data%d/blob%02d.bin" % (i, k), rng.randbytes(size), 0o644, None
        big -= size
        k += 1


def write_blob(dirname, data=None, media_type=None, src=None):
    if src is not None:
        digest, size = src
    else:
        digest, size = hashlib.sha256(data).hexdigest(), len(data)
        with open(os.path.join(dirname, "blobs", "sha256", digest), "wb") as f:
            f.write(data)
    return {"mediaType": media_type, "digest": "sha256:" + digest, "size": size}


def main():
    out = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    os.makedirs(os.path.join(out, "blobs", "sha256"), exist_ok=True)
    with open(os.path.join(out, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    per_layer = (total << 20) // LAYERS
    layers, diff_ids, history = [], [], []
    for i in range(1, LAYERS + 1):
        # Layer sizes vary around the mean: a small top layer, bigger ones in the middle.
        budget = per_layer // 8 if i == LAYERS else per_layer + (per_layer // 8) // (LAYERS - 1)
        tmp = os.path.join(out, "layer.tmp")
        with open(tmp, "wb") as raw:
            compressed = Hashing(raw)
            with gzip.GzipFile(fileobj=compressed, mode="wb", compresslevel=6, mtime=0) as gz:
                plain = Hashing(gz)
                with tarfile.open(fileobj=plain, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                    for path, data, mode, link in layer_files(i, rng, budget):
                        add(tar, path, data, mode, link)
        digest = compressed.sha.hexdigest()
        os.replace(tmp, os.path.join(out, "blobs", "sha256", digest))
        layers.append(write_blob(out, media_type="application/vnd.oci.image.layer.v1.tar+gzip",
                                 src=(digest, compressed.size)))
        diff_ids.append("sha256:" + plain.sha.hexdigest())
        history.append({"created_by": "/bin/sh -c #(nop) COPY dir:layer%d in / " % i})
        print("layer %d: %.1f MB gzip, %.1f MB tar" % (i, compressed.size / 1e6, plain.size / 1e6), file=sys.stderr)
    config = {
        "architecture": "amd64", "os": "linux",
        "config": {"Entrypoint": ["/usr/local/bin/docker-entrypoint.sh"], "Cmd": ["--port", "8080"],
                   "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                   "WorkingDir": "/srv"},
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": history,
    }
    cfg = write_blob(out, json.dumps(config).encode(), "application/vnd.oci.image.config.v1+json")
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": cfg, "layers": layers}
    man = write_blob(out, json.dumps(manifest).encode(), "application/vnd.oci.image.manifest.v1+json")
    man["annotations"] = {"org.opencontainers.image.ref.name": "bench"}
    man["platform"] = {"architecture": "amd64", "os": "linux"}
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                   "manifests": [man]}, f)
    print("total: %.1f MB in %d layers" % (sum(l["size"] for l in layers) / 1e6, LAYERS), file=sys.stderr)


if __name__ == "__main__":
    main()
