package io.initguard.helm;

import io.initguard.core.chart.ChartException;
import io.initguard.core.chart.ChartRequest;
import io.initguard.core.chart.RenderedChart;
import io.initguard.core.chart.RenderedTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders the project's own test charts with the real Helm library. */
class HelmChartRendererTest {
    private static final Path CHARTS = Path.of("src/test/resources/charts");
    private static final Path WEBAPP = CHARTS.resolve("webapp");
    private static final String DEPLOYMENT = "webapp/templates/deployment.yaml";
    private static final String CRONJOB = "webapp/templates/cronjob.yaml";

    private final HelmChartRenderer renderer = new HelmChartRenderer();

    private String deployment(RenderedChart chart) {
        return chart.template(DEPLOYMENT).orElseThrow().yaml();
    }

    @Test
    void defaultValuesRenderEachTemplateUnderItsSource() throws ChartException {
        RenderedChart chart = renderer.render(ChartRequest.of(WEBAPP));

        // NOTES.txt and _helpers.tpl are not manifests: Helm renders neither into the output
        assertEquals(List.of(CRONJOB, DEPLOYMENT).stream().sorted().toList(),
                chart.templates().stream().map(RenderedTemplate::source).sorted().toList());
        String deployment = deployment(chart);
        assertTrue(deployment.startsWith("apiVersion: apps/v1\nkind: Deployment\n"), deployment);
        assertTrue(deployment.contains("""
                          command:
                            - "/usr/local/bin/webapp"
                            - "--port=8080"
                """), deployment);
        assertTrue(deployment.contains("name: release-name-webapp\n"), deployment);
        assertFalse(deployment.contains("# Source:"), deployment);
        assertTrue(chart.template(CRONJOB).orElseThrow().yaml()
                .contains("command: [\"sh\",\"-c\",\"/usr/local/bin/cleanup\"]"));
    }

    @Test
    void valuesFileOverridesDefaults() throws ChartException {
        RenderedChart chart = renderer.render(new ChartRequest(WEBAPP, List.of(CHARTS.resolve("tini-values.yaml")),
                List.of(), null, null));

        assertTrue(deployment(chart).contains("""
                          command:
                            - /sbin/tini
                            - --
                            - "/usr/local/bin/webapp"
                """), deployment(chart));
    }

    @Test
    void setOverridesValuesFile(@TempDir Path tmp) throws Exception {
        Path noTini = Files.writeString(tmp.resolve("values.yaml"), "useTini: false\n");
        RenderedChart chart = renderer.render(new ChartRequest(WEBAPP, List.of(noTini),
                List.of("useTini=true", "command[0]=/app/server", "image.tag=2.0"), null, "shop"));

        String deployment = deployment(chart);
        assertTrue(deployment.contains("- /sbin/tini\n"), deployment);
        assertTrue(deployment.contains("- \"/app/server\"\n"), deployment);
        assertTrue(deployment.contains("image: \"example/webapp:2.0\""), deployment);
        assertTrue(deployment.contains("name: shop-webapp\n"), deployment);
    }

    @Test
    void setTakesHelmsCommaAndListSyntax(@TempDir Path tmp) throws Exception {
        Path noTini = Files.writeString(tmp.resolve("values.yaml"), "useTini: false\n");
        RenderedChart chart = renderer.render(new ChartRequest(WEBAPP, List.of(noTini),
                List.of("useTini=true,image.tag=2.0", "command={/app/server,--port,80}"), null, "shop"));

        String deployment = deployment(chart);
        assertTrue(deployment.contains("- /sbin/tini\n"), deployment);
        assertTrue(deployment.contains("- \"/app/server\"\n"), deployment);
        assertTrue(deployment.contains("- \"--port\"\n"), deployment);
        assertTrue(deployment.contains("image: \"example/webapp:2.0\""), deployment);
    }

    @Test
    void namespaceIsDefaultUnlessGiven() throws ChartException {
        assertTrue(deployment(renderer.render(ChartRequest.of(WEBAPP))).contains("namespace: default\n"));

        RenderedChart chart = renderer.render(new ChartRequest(WEBAPP, List.of(), List.of(), "payments", null));
        assertTrue(deployment(chart).contains("namespace: payments\n"));
        assertTrue(chart.template(CRONJOB).orElseThrow().yaml().contains("namespace: payments\n"));
    }

    @Test
    void templateErrorNamesTemplateFileAndLine() {
        ChartException e = assertThrows(ChartException.class,
                () -> renderer.render(ChartRequest.of(CHARTS.resolve("broken-template"))));

        assertEquals("broken-template/templates/configmap.yaml", e.file());
        assertEquals(7, e.line());
        assertTrue(e.reason().contains("nil pointer evaluating"), e.reason());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void brokenRenderedYamlNamesTemplateFile() {
        ChartException e = assertThrows(ChartException.class,
                () -> renderer.render(ChartRequest.of(CHARTS.resolve("broken-yaml"))));

        assertEquals("broken-yaml/templates/pod.yaml", e.file());
        assertEquals(8, e.line());
        assertEquals("broken-yaml/templates/pod.yaml:8: invalid YAML in the rendered output (line 8 of the output):"
                + " did not find expected '-' indicator", e.getMessage());
    }

    @Test
    void brokenValuesFileNamesItsLine(@TempDir Path tmp) throws Exception {
        Path values = Files.writeString(tmp.resolve("bad.yaml"), "a: b\n c: d\n");

        ChartException e = assertThrows(ChartException.class,
                () -> renderer.render(new ChartRequest(WEBAPP, List.of(values), List.of(), null, null)));

        assertEquals(values.toAbsolutePath().toString(), e.file());
        assertEquals(2, e.line());
    }

    @Test
    void missingInputsAreOneLineErrors(@TempDir Path tmp) {
        ChartException noChart = assertThrows(ChartException.class, () -> renderer.render(ChartRequest.of(tmp)));
        assertEquals(tmp + ": not a Helm chart: no Chart.yaml", noChart.getMessage());

        Path missing = tmp.resolve("missing.yaml");
        ChartException noValues = assertThrows(ChartException.class,
                () -> renderer.render(new ChartRequest(WEBAPP, List.of(missing), List.of(), null, null)));
        assertEquals(missing + ": values file not found", noValues.getMessage());

        ChartException badSet = assertThrows(ChartException.class,
                () -> renderer.render(new ChartRequest(WEBAPP, List.of(), List.of("useTini"), null, null)));
        assertEquals("--set useTini: expected key=value", badSet.getMessage());
    }
}
