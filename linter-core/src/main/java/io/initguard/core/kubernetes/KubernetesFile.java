package io.initguard.core.kubernetes;

import io.initguard.core.model.LintError;

import java.util.List;

/** What a YAML file holds for the linter: its workloads, and the documents that could not be read. */
public record KubernetesFile(String file, List<Workload> workloads, List<LintError> errors) {
    public KubernetesFile {
        workloads = List.copyOf(workloads);
        errors = List.copyOf(errors);
    }
}
