package io.initguard.helm;

import io.initguard.core.chart.ChartException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helm 3.16's error texts, as helm-java 0.0.15 reported them for real charts (see HelmChartRendererTest). */
class HelmErrorsTest {

    private static String message(String helmError) {
        return HelmErrors.toChartException(helmError, "charts/c").getMessage();
    }

    @Test
    void executionErrorOfATemplate() {
        assertEquals("c/templates/x.yaml:7: nil pointer evaluating interface {}.level", message("""
                template: c/templates/x.yaml:7:19: executing "c/templates/x.yaml" at <.Values.settings.level>: \
                nil pointer evaluating interface {}.level

                Use --debug flag to render out invalid YAML"""));
    }

    @Test
    void parseAndRequiredErrors() {
        assertEquals("c/templates/a.yaml:2: parse error: function \"nosuchfn\" not defined",
                message("parse error at (c/templates/a.yaml:2): function \"nosuchfn\" not defined\n\nUse --debug"));
        assertEquals("c/templates/a.yaml:2: execution error: x is required",
                message("execution error at (c/templates/a.yaml:2:6): x is required"));
    }

    @Test
    void yamlErrors() {
        assertEquals("c/templates/p.yaml:8: invalid YAML in the rendered output (line 8 of the output): bad",
                message("YAML parse error on c/templates/p.yaml: error converting YAML to JSON: yaml: line 8: bad"));
        assertEquals("/v.yaml:2: invalid values YAML: mapping values are not allowed in this context", message(
                "failed to parse /v.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"));
    }

    @Test
    void setAndUnknownErrors() {
        assertEquals("--set: error parsing index: EOF", message("failed parsing --set data: error parsing index: EOF"));
        ChartException other = HelmErrors.toChartException("\nChart.yaml file is missing\nmore", "charts/c");
        assertEquals("charts/c: Chart.yaml file is missing", other.getMessage());
        assertEquals(0, other.line());
    }
}
