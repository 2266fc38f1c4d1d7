package io.initguard.core.kubernetes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pod specs as real charts write them: ports, probes with named and numbered ports, quantities, volumes. */
class RealWorldPodSpecTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              template:
                metadata:
                  labels: {app: web}
                spec:
                  securityContext: {runAsNonRoot: true, fsGroup: 1000}
                  containers:
                    - name: app
                      image: python:3.12-slim
                      command: ["tini", "--", "python", "app.py"]
                      ports:
                        - {name: http, containerPort: 8080, protocol: TCP}
                      resources:
                        limits: {cpu: 500m, memory: 1Gi}
                        requests: {cpu: 0.25, memory: 128974848}
                      livenessProbe:
                        httpGet: {path: /healthz, port: http}
                        initialDelaySeconds: 5
                      readinessProbe:
                        tcpSocket: {port: 8080}
                      env:
                        - {name: DEBUG, value: "true"}
                        - name: POD
                          valueFrom: {fieldRef: {fieldPath: metadata.name}}
                  volumes:
                    - {name: cache, emptyDir: {sizeLimit: 1Gi, medium: Memory}}
            """;

    @Test
    void aFullPodSpecReadsWithItsIntOrStringsAndQuantities() {
        KubernetesFile f = new KubernetesParser(PodTemplatePath.builtin()).parse("web.yaml", DEPLOYMENT);
        assertEquals(List.of(), f.errors());
        assertEquals(1, f.workloads().size());
        PodContainer c = f.workloads().getFirst().containers().getFirst();
        assertEquals(List.of("tini", "--", "python", "app.py"), c.command());
        assertEquals(15, c.commandAt().line());
    }
}
