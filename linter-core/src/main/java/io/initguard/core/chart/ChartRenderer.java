package io.initguard.core.chart;

/**
 * Renders a Helm chart into its Kubernetes manifests. The implementation lives in the separate {@code initguard-helm}
 * module (it embeds Helm as a large native library), which the CLI finds and loads at run time with
 * {@link java.util.ServiceLoader}; linter-core only defines this contract.
 */
public interface ChartRenderer {

    /**
     * Renders the chart as {@code helm template} would.
     *
     * @param request the chart folder, values files, {@code --set} pairs, namespace and release name
     * @return the rendered templates, each under its template path
     * @throws ChartException when the chart cannot be rendered: a template error, broken rendered YAML, a bad values
     *                        file or {@code --set}, or a renderer that cannot run on this machine
     */
    RenderedChart render(ChartRequest request) throws ChartException;
}
