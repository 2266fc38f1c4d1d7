#!/usr/bin/env python3
"""Writes N realistic Dockerfiles (one folder each, some with an entrypoint script beside them) for benchmarks.

usage: gen_dockerfiles.py OUT_DIR [N] [SEED]"""
import os, random, sys

BASES = ["python:3.12-slim", "python:3.12-alpine", "node:22-slim", "node:22-alpine", "debian:bookworm-slim",
         "ubuntu:24.04", "alpine:3.20", "golang:1.23", "eclipse-temurin:21-jre", "nginx:1.27", "postgres:17",
         "php:8.3-apache", "ruby:3.3", "jenkins/jenkins:lts-jdk17", "registry.example.com/platform/runtime:2.7",
         "redis:7", "httpd:2.4", "amazoncorretto:21", "busybox:1.36", "fedora:41"]
APPS = [["python", "app.py"], ["node", "server.js"], ["/usr/local/bin/server", "--port", "8080"],
        ["java", "-jar", "/app/app.jar"], ["gunicorn", "-b", "0.0.0.0:8000", "app:app"], ["npm", "start"],
        ["/app/bin/run"], ["bundle", "exec", "puma"]]
PKGS = ["ca-certificates", "curl", "git", "tzdata", "libpq5", "openssl", "procps"]
INITS = [("tini", ["/usr/bin/tini", "--"]), ("dumb-init", ["dumb-init", "--"]), (None, None)]


def q(argv):
    return "[" + ", ".join('"%s"' % a for a in argv) + "]"


def one(r, i, folder):
    base = r.choice(BASES)
    alpine = "alpine" in base
    lines = ["# generated fixture %d" % i]
    multistage = r.random() < 0.3
    if multistage:
        lines += ["FROM golang:1.23 AS build", "WORKDIR /src", "COPY go.mod go.sum ./", "RUN go mod download",
                  "COPY . .", "RUN CGO_ENABLED=0 go build -trimpath -o /out/server ./cmd/server", ""]
    lines.append("FROM %s%s" % (base, " AS runtime" if r.random() < 0.2 else ""))
    if r.random() < 0.3:
        lines.append("ARG VERSION=1.%d.%d" % (r.randint(0, 9), r.randint(0, 20)))
    lines.append('LABEL org.opencontainers.image.title="service-%d" org.opencontainers.image.version="1.0"' % i)
    init, init_argv = r.choice(INITS)
    pkgs = r.sample(PKGS, r.randint(1, 4)) + ([init] if init else [])
    if alpine:
        lines.append("RUN apk add --no-cache " + " ".join(pkgs))
    else:
        lines += ["RUN apt-get update \\", " && apt-get install -y --no-install-recommends \\",
                  "      " + " \\\n      ".join(pkgs) + " \\", " && rm -rf /var/lib/apt/lists/*"]
    lines += ["ENV APP_HOME=/app PORT=%d" % r.choice([8000, 8080, 3000]), "WORKDIR /app"]
    if r.random() < 0.5:
        lines += ["COPY requirements.txt package*.json ./", "RUN echo installing dependencies"]
    lines.append("COPY . .")
    if multistage:
        lines.append("COPY --from=build /out/server /usr/local/bin/server")
    for _ in range(r.randint(0, 3)):
        lines.append(r.choice(["EXPOSE 8080", "USER 1000:1000", "VOLUME /data", "HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1",
                               "STOPSIGNAL SIGTERM", "RUN chmod -R g+rwX /app", "# keep the image small"]))
    app = r.choice(APPS)
    style = r.random()
    if init and style < 0.5:
        lines += ["ENTRYPOINT " + q(init_argv), "CMD " + q(app)]
    elif style < 0.65:
        with open(os.path.join(folder, "docker-entrypoint.sh"), "w") as f:
            f.write("#!/bin/sh\nset -e\nif [ \"${1#-}\" != \"$1\" ]; then\n\tset -- %s \"$@\"\nfi\n%s\"$@\"\n"
                    % (app[0], "exec " if r.random() < 0.7 else ""))
        lines += ["COPY docker-entrypoint.sh /usr/local/bin/", 'ENTRYPOINT ["docker-entrypoint.sh"]', "CMD " + q(app)]
    elif style < 0.8:
        lines.append("CMD " + " ".join(app))
    else:
        lines.append("CMD " + q(app))
    with open(os.path.join(folder, "Dockerfile"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    for i in range(n):
        folder = os.path.join(out, "svc%05d" % i)
        os.makedirs(folder, exist_ok=True)
        one(r, i, folder)


if __name__ == "__main__":
    main()
