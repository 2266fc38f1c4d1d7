#!/usr/bin/env python3
"""Writes N realistic Kubernetes manifest files (2-4 documents each) into one folder, for benchmarks.

Kinds: Deployment, StatefulSet, DaemonSet, Job, CronJob and Pod (linted), Service and ConfigMap (skipped by the
linter). Containers: known and unknown images; `command` (with or without an init), `args` only, or neither;
sidecars, init containers, probes, env, resources and volumes as real manifests carry them.

usage: gen_k8s.py OUT_DIR [N] [SEED]"""
import os, random, sys

IMAGES = ["python:3.12-slim", "node:22-alpine", "debian:bookworm-slim", "alpine:3.20", "golang:1.23",
          "eclipse-temurin:21-jre", "nginx:1.27", "postgres:17", "redis:7", "jenkins/jenkins:lts-jdk17",
          "busybox:1.36", "registry.example.com/platform/api:2.7", "ghcr.io/acme/worker:1.4.2",
          "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing:2026.11"]
COMMANDS = [["python", "app.py"], ["node", "server.js"], ["/usr/local/bin/server", "--port", "8080"],
            ["java", "-jar", "/app/app.jar"], ["sh", "-c", "exec /app/bin/run --config /etc/app/config.yaml"],
            ["sh", "-c", "/app/migrate && /app/serve"], ["/usr/bin/tini", "--", "/app/bin/run"],
            ["dumb-init", "--", "python", "worker.py"]]
ARGS = [["--port=8080"], ["--log-level", "info"], ["--httpPort=8081"], ["serve", "--workers", "4"]]
WORKLOADS = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"]
API = {"Deployment": "apps/v1", "StatefulSet": "apps/v1", "DaemonSet": "apps/v1", "Job": "batch/v1",
       "CronJob": "batch/v1", "Pod": "v1"}


def flow(words):
    return "[" + ", ".join('"%s"' % w for w in words) + "]"


def container(r, name, pad):
    lines = ["- name: " + name, "  image: " + r.choice(IMAGES), "  imagePullPolicy: IfNotPresent"]
    how = r.random()
    if how < 0.45:
        lines.append("  command: " + flow(r.choice(COMMANDS)))
        if r.random() < 0.3:
            lines.append("  args: " + flow(r.choice(ARGS)))
    elif how < 0.75:
        lines += ["  args:"] + ["    - " + a for a in r.choice(ARGS)]
    # Probes name the port: an integer port (httpGet.port: 8080, an IntOrString) is read as a long and rejected
    # by fabric8 (reported as a bug), which would make this a benchmark of error reporting.
    lines += ["  ports:", "    - name: http", "      containerPort: %d" % r.choice([80, 8080, 8000, 5432]),
              "      protocol: TCP",
              "  env:"]
    for k in range(r.randint(1, 5)):
        lines += ["    - name: VAR_%d" % k, '      value: "%d"' % r.randint(0, 9999)]
    lines += ["  resources:", "    requests: {cpu: 100m, memory: 128Mi}", "    limits:", "      cpu: 500m",
              "      memory: 512Mi"]
    if r.random() < 0.5:
        lines += ["  readinessProbe:", "    httpGet: {path: /healthz, port: http}", "    periodSeconds: 10"]
    if r.random() < 0.4:
        lines += ["  volumeMounts:", "    - name: config", "      mountPath: /etc/app", "      readOnly: true"]
    return [pad + l for l in lines]


def pod_spec(r, name, pad):
    lines = []
    if r.random() < 0.1:
        lines.append("shareProcessNamespace: true")
    if r.random() < 0.3:
        lines += ["initContainers:", "  - name: init", "    image: busybox:1.36",
                  '    command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]']
    lines.append("containers:")
    lines += container(r, name, "  ")
    if r.random() < 0.3:
        lines += container(r, "sidecar", "  ")
    lines += ["volumes:", "  - name: config", "    configMap: {name: %s-config}" % name]
    return [pad + l for l in lines]


def workload(r, i, d):
    kind = r.choice(WORKLOADS)
    name = "svc-%d-%d" % (i, d)
    meta = ["apiVersion: " + API[kind], "kind: " + kind, "metadata:", "  name: " + name, "  namespace: team-%d" % (i % 7),
            "  labels:", "    app.kubernetes.io/name: " + name, "    app.kubernetes.io/part-of: shop"]
    if r.random() < 0.05:
        meta += ["  annotations:", '    initguard.io/ignore: "IG205"']
    tmpl_meta = ["metadata:", "  labels:", "    app.kubernetes.io/name: " + name]
    if kind == "Pod":
        return meta + ["spec:"] + pod_spec(r, name, "  ")
    if kind == "CronJob":
        return meta + ["spec:", '  schedule: "%d 3 * * *"' % r.randint(0, 59), "  jobTemplate:", "    spec:",
                       "      template:"] + ["        " + l for l in tmpl_meta] + [
                   "        spec:", "          restartPolicy: OnFailure"] + pod_spec(r, name, "          ")
    spec = ["spec:"]
    if kind in ("Deployment", "StatefulSet"):
        spec.append("  replicas: %d" % r.randint(1, 5))
    if kind == "StatefulSet":
        spec.append("  serviceName: " + name)
    if kind != "Job":
        spec += ["  selector:", "    matchLabels:", "      app.kubernetes.io/name: " + name]
    spec.append("  template:")
    spec += ["    " + l for l in tmpl_meta] + ["    spec:"]
    if kind == "Job":
        spec.append("      restartPolicy: Never")
    return meta + spec + pod_spec(r, name, "      ")


def other(r, i, d):
    name = "svc-%d-%d" % (i, d)
    if r.random() < 0.5:
        return ["apiVersion: v1", "kind: Service", "metadata:", "  name: " + name, "spec:", "  selector:",
                "    app.kubernetes.io/name: " + name, "  ports:", "    - port: 80", "      targetPort: 8080"]
    return ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: %s-config" % name, "data:",
            "  LOG_LEVEL: info", "  config.yaml: |", "    listen: 0.0.0.0:8080", "    workers: %d" % r.randint(1, 8)]


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        docs = [workload(r, i, 0)]
        for d in range(1, r.randint(2, 4)):
            docs.append(workload(r, i, d) if r.random() < 0.4 else other(r, i, d))
        r.shuffle(docs)
        text = "".join(("---\n" if k else "") + "\n".join(doc) + "\n" for k, doc in enumerate(docs))
        with open(os.path.join(out, "app-%05d.yaml" % i), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
