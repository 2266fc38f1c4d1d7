package io.initguard.core.chart;

import java.util.Objects;

/**
 * One template's rendered output.
 *
 * @param source the template's path as Helm's {@code # Source:} marker gives it, e.g.
 *               {@code mychart/templates/deployment.yaml}; findings point there
 * @param yaml   the rendered text of that template, without the markers; may hold several YAML documents
 */
public record RenderedTemplate(String source, String yaml) {
    public RenderedTemplate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
    }
}
