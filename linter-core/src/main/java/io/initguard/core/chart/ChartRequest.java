package io.initguard.core.chart;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to render: a chart folder (the one holding {@code Chart.yaml}) with its default values, overridden by
 * {@code valuesFiles} in order and then by {@code sets}.
 *
 * @param chartDir    the chart folder
 * @param valuesFiles {@code --values FILE} files, applied in order after the chart's values.yaml
 * @param sets        {@code --set} pairs, each {@code key=value} as the user gave it
 * @param namespace   the release namespace; {@value #DEFAULT_NAMESPACE} when null or blank
 * @param releaseName the release name; {@value #DEFAULT_RELEASE_NAME} (as {@code helm template}) when null or blank
 */
public record ChartRequest(Path chartDir, List<Path> valuesFiles, List<String> sets, String namespace,
                           String releaseName) {

    /** The namespace used when none is given, as kubectl and Helm use for a plain context. */
    public static final String DEFAULT_NAMESPACE = "default";
    /** The release name {@code helm template} uses when none is given. */
    public static final String DEFAULT_RELEASE_NAME = "release-name";

    public ChartRequest {
        Objects.requireNonNull(chartDir, "chartDir");
        valuesFiles = valuesFiles == null ? List.of() : List.copyOf(valuesFiles);
        sets = sets == null ? List.of() : List.copyOf(sets);
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
        releaseName = releaseName == null || releaseName.isBlank() ? DEFAULT_RELEASE_NAME : releaseName;
    }

    /** A request for the chart with its default values, in the default namespace. */
    public static ChartRequest of(Path chartDir) {
        return new ChartRequest(chartDir, List.of(), List.of(), null, null);
    }
}
