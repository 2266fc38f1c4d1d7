package io.initguard.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.initguard.core.chart.ChartException;
import io.initguard.core.chart.ChartRenderer;
import io.initguard.core.chart.ChartRequest;
import io.initguard.core.chart.RenderedChart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders charts with Helm itself (helm-java's embedded Helm 3.16), as {@code helm template} would, offline. The
 * native library is loaded on the first render (about 0.7 s, copied to the temp folder), after checking that the C
 * library is glibc 2.34 or newer.
 */
public final class HelmChartRenderer implements ChartRenderer {

    /** Public no-argument constructor, for {@link java.util.ServiceLoader}. */
    public HelmChartRenderer() {
    }

    @Override
    public RenderedChart render(ChartRequest request) throws ChartException {
        Path chartDir = request.chartDir();
        if (!Files.isRegularFile(chartDir.resolve("Chart.yaml"))) {
            throw new ChartException(chartDir.toString(), 0, "not a Helm chart: no Chart.yaml");
        }
        for (Path valuesFile : request.valuesFiles()) {
            if (!Files.isRegularFile(valuesFile)) {
                throw new ChartException(valuesFile.toString(), 0, "values file not found");
            }
        }
        Glibc.requireSupported();
        TemplateCommand template = new Helm(chartDir).template()
                .withName(request.releaseName())
                .withNamespace(request.namespace());
        request.valuesFiles().forEach(template::withValuesFile);
        for (String arg : request.sets()) {
            for (String set : SetSyntax.split(arg)) {
                int equals = set.indexOf('=');
                if (equals <= 0) {
                    throw new ChartException(null, 0, "--set " + set + ": expected key=value");
                }
                String key = set.substring(0, equals);
                String value = set.substring(equals + 1);
                List<String> items = SetSyntax.list(value);
                if (items == null) {
                    template.set(key, SetSyntax.unescape(value));
                } else {
                    for (int i = 0; i < items.size(); i++) template.set(key + "[" + i + "]", items.get(i));
                }
            }
        }
        return RenderedChart.split(call(template, chartDir));
    }

    /**
     * Runs the command with this module's class loader as the thread's context loader: helm-java finds its native
     * library with {@link java.util.ServiceLoader} through that loader, and would otherwise try to download it.
     */
    private static String call(TemplateCommand template, Path chartDir) throws ChartException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HelmChartRenderer.class.getClassLoader());
        try {
            return template.call();
        } catch (IllegalStateException helmError) {
            throw HelmErrors.toChartException(helmError.getMessage(), chartDir.toString());
        } catch (LinkageError cannotLoad) {
            throw new ChartException(null, 0, "cannot load Helm's native library: " + cannotLoad);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
