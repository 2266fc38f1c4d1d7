package io.initguard.core.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rendered chart: its templates in the order Helm printed them, each with its own rendered YAML.
 *
 * @param templates the rendered templates, one per source path
 */
public record RenderedChart(List<RenderedTemplate> templates) {

    private static final Pattern SOURCE = Pattern.compile("^#\\s*Source:\\s*(\\S.*?)\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("^---(\\s.*)?$");
    /** The source of documents that carry no marker when no chart name can be told. */
    static final String UNKNOWN_CHART = "chart";

    public RenderedChart {
        templates = List.copyOf(templates);
    }

    /**
     * Splits Helm's multi-document output ({@code helm template}) at its {@code # Source: X} markers. Documents of
     * the same template are joined again under one {@link RenderedTemplate}; documents without a marker are kept under
     * the chart name, taken from the first marker's first path segment.
     *
     * @param renderedOutput the whole rendered output
     * @return the templates in the order of their first document
     */
    public static RenderedChart split(String renderedOutput) {
        Matcher first = Pattern.compile("(?m)^#\\s*Source:\\s*([^/\\s]+)/").matcher(renderedOutput);
        return split(renderedOutput, first.find() ? first.group(1) : UNKNOWN_CHART);
    }

    /**
     * As {@link #split(String)}, with the name under which documents without a marker are kept.
     *
     * @param renderedOutput the whole rendered output
     * @param chartName      the source given to documents without a {@code # Source:} marker
     * @return the templates in the order of their first document
     */
    public static RenderedChart split(String renderedOutput, String chartName) {
        Map<String, List<String>> documentsBySource = new LinkedHashMap<>();
        for (String document : documents(renderedOutput)) {
            String source = chartName;
            String body = document;
            String[] lines = document.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                Matcher marker = SOURCE.matcher(lines[i]);
                if (marker.matches()) {
                    source = marker.group(1);
                    body = String.join("\n", Arrays.copyOfRange(lines, i + 1, lines.length));
                }
                break;
            }
            if (body.isBlank()) {
                continue;
            }
            documentsBySource.computeIfAbsent(source, s -> new ArrayList<>()).add(body.stripTrailing() + "\n");
        }
        List<RenderedTemplate> templates = new ArrayList<>();
        documentsBySource.forEach((source, docs) -> templates.add(new RenderedTemplate(source, String.join("---\n", docs))));
        return new RenderedChart(templates);
    }

    /** The documents between {@code ---} lines, without the separators. */
    private static List<String> documents(String output) {
        List<String> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : output.replace("\r\n", "\n").split("\n", -1)) {
            if (SEPARATOR.matcher(line).matches()) {
                documents.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        documents.add(current.toString());
        return documents;
    }

    /** The template rendered from {@code source}, if any. */
    public Optional<RenderedTemplate> template(String source) {
        return templates.stream().filter(t -> t.source().equals(source)).findFirst();
    }
}
