package io.initguard.core.chart;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderedChartTest {

    /** Output as Helm 3 prints it: every document starts with its own separator and Source marker. */
    private static final String HELM_OUTPUT = """
            ---
            # Source: webapp/templates/serviceaccount.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: web
            ---
            # Source: webapp/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            ---
            # Source: webapp/templates/serviceaccount.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: worker
            """;

    @Test
    void splitsAtSourceMarkersAndGroupsDocumentsOfOneTemplate() {
        RenderedChart chart = RenderedChart.split(HELM_OUTPUT);

        assertEquals(List.of("webapp/templates/serviceaccount.yaml", "webapp/templates/deployment.yaml"),
                chart.templates().stream().map(RenderedTemplate::source).toList());
        assertEquals("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: web
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: worker
                """, chart.template("webapp/templates/serviceaccount.yaml").orElseThrow().yaml());
        assertEquals("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                """, chart.template("webapp/templates/deployment.yaml").orElseThrow().yaml());
    }

    @Test
    void documentsWithoutMarkerGoUnderTheChartName() {
        String output = """
                apiVersion: v1
                kind: ConfigMap
                ---
                # Source: webapp/templates/deployment.yaml
                kind: Deployment
                """;

        RenderedChart chart = RenderedChart.split(output);

        assertEquals(List.of("webapp", "webapp/templates/deployment.yaml"),
                chart.templates().stream().map(RenderedTemplate::source).toList());
        assertEquals("apiVersion: v1\nkind: ConfigMap\n", chart.templates().getFirst().yaml());
    }

    @Test
    void givenChartNameIsUsedForUnmarkedDocuments() {
        RenderedChart chart = RenderedChart.split("kind: Pod\n", "mychart");

        assertEquals(List.of(new RenderedTemplate("mychart", "kind: Pod\n")), chart.templates());
    }

    @Test
    void blankDocumentsAndCrlfAreIgnored() {
        String output = "---\r\n\r\n---\r\n# Source: c/templates/a.yaml\r\nkind: Pod\r\n---\n   \n";

        RenderedChart chart = RenderedChart.split(output);

        assertEquals(List.of(new RenderedTemplate("c/templates/a.yaml", "kind: Pod\n")), chart.templates());
    }

    @Test
    void emptyOutputHasNoTemplates() {
        assertTrue(RenderedChart.split("").templates().isEmpty());
    }

    @Test
    void requestDefaultsNamespaceAndReleaseName() {
        ChartRequest request = new ChartRequest(Path.of("c"), null, null, " ", null);

        assertEquals("default", request.namespace());
        assertEquals("release-name", request.releaseName());
        assertEquals(List.of(), request.valuesFiles());
        assertEquals("prod", new ChartRequest(Path.of("c"), List.of(), List.of("a=b"), "prod", "r").namespace());
    }

    @Test
    void exceptionMessageIsOneLineWithFileAndLine() {
        assertEquals("c/templates/a.yaml:12: boom", new ChartException("c/templates/a.yaml", 12, "boom").getMessage());
        assertEquals("c/values.yaml: boom", new ChartException("c/values.yaml", 0, "boom").getMessage());
        assertEquals("not installed", new ChartException(null, 0, "not installed").getMessage());
    }
}
