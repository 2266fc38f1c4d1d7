package io.initguard.helm;

import io.initguard.core.chart.ChartException;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Helm's error text into a one-line {@link ChartException} naming the file and line where Helm gives them. The
 * forms below are Helm 3.16's (pinned by helm-java's version in the parent pom); anything else keeps Helm's first line.
 */
final class HelmErrors {

    /** One recognised form of Helm error and how to read it. */
    private record Form(Pattern pattern, Function<Matcher, ChartException> read) {
    }

    private static final List<Form> FORMS = List.of(
            // template: c/templates/x.yaml:7:19: executing "c/templates/x.yaml" at <.Values.a.b>: nil pointer ...
            new Form(Pattern.compile("^template: (\\S+?):(\\d+):\\d+: (?:executing \"[^\"]*\" at <[^>]*>: )?(.*)$"),
                    m -> new ChartException(m.group(1), line(m.group(2)), m.group(3))),
            // parse error at (c/templates/x.yaml:2): function "f" not defined
            // execution error at (c/templates/x.yaml:2:6): x is required
            new Form(Pattern.compile("^(parse|execution) error at \\((\\S+?):(\\d+)(?::\\d+)?\\): (.*)$"),
                    m -> new ChartException(m.group(2), line(m.group(3)), m.group(1) + " error: " + m.group(4))),
            // YAML parse error on c/templates/x.yaml: error converting YAML to JSON: yaml: line 8: did not find ...
            new Form(Pattern.compile("^YAML parse error on (\\S+): (?:error converting YAML to JSON: )?(?:yaml: )?line (\\d+): (.*)$"),
                    m -> new ChartException(m.group(1), line(m.group(2)),
                            "invalid YAML in the rendered output (line " + m.group(2) + " of the output): " + m.group(3))),
            new Form(Pattern.compile("^YAML parse error on (\\S+): (?:error converting YAML to JSON: )?(.*)$"),
                    m -> new ChartException(m.group(1), 0, "invalid YAML in the rendered output: " + m.group(2))),
            // failed to parse /path/values.yaml: error converting YAML to JSON: yaml: line 2: mapping values are ...
            new Form(Pattern.compile("^failed to parse (\\S+): (?:error converting YAML to JSON: )?(?:yaml: )?line (\\d+): (.*)$"),
                    m -> new ChartException(m.group(1), line(m.group(2)), "invalid values YAML: " + m.group(3))),
            // failed parsing --set data: error parsing index: EOF
            new Form(Pattern.compile("^failed parsing --set data: (.*)$"),
                    m -> new ChartException(null, 0, "--set: " + m.group(1))));


    private HelmErrors() {
    }

    /**
     * The exception for Helm's error text {@code helmError} (which may span several lines); errors that name no file
     * are put on {@code chartDir}.
     */
    static ChartException toChartException(String helmError, String chartDir) {
        String first = firstLine(helmError);
        for (Form form : FORMS) {
            Matcher matcher = form.pattern().matcher(first);
            if (matcher.matches()) {
                return form.read().apply(matcher);
            }
        }
        return new ChartException(chartDir, 0, first);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "unknown error";
    }

    private static int line(String digits) {
        return Integer.parseInt(digits);
    }
}
