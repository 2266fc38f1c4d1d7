package io.initguard.rules;

import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.ConfigLoader;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.lint.ComposeLinter;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.layout.OciLayoutSource;
import io.initguard.core.lint.DockerfileLinter;
import io.initguard.core.lint.ImageLinter;
import io.initguard.core.lint.KubernetesLinter;
import io.initguard.core.lint.LintOutcome;
import io.initguard.core.lint.Resolvers;
import io.initguard.core.model.Finding;
import io.initguard.core.model.TargetReport;
import io.initguard.rules.catalog.BuiltinCatalogs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the built-in rules over a fixture (a Dockerfile, a Kubernetes manifest, a compose file or an
 * {@link ImageDescription image description}, by the rule's {@link Input}) and reads its inline expectations: a
 * comment {@code # expect: IG101[,IG102]} says that each named rule reports on the next line below it that is neither
 * blank nor a comment; {@code # expect suppressed: IG101} says the same of a finding that is reported but suppressed
 * (an ignore comment, an annotation). Findings on an image have no line: there, {@code # expect:} lines list the
 * rules reported on the image, wherever they stand (line 0 in {@link At}).
 */
final class Fixtures {
    private static final Pattern EXPECT = Pattern.compile("^\\s*#\\s*expect:\\s*([A-Z0-9, ]+)\\s*$");
    private static final Pattern EXPECT_SUPPRESSED =
            Pattern.compile("^\\s*#\\s*expect suppressed:\\s*([A-Z0-9, ]+)\\s*$");
    static final LintEngine ENGINE = LintEngine.withInstalledRules();
    private static final Resolvers RESOLVERS =
            new Resolvers(new Catalogs(BuiltinCatalogs.inits(), BuiltinCatalogs.baseImages()));
    private static final DockerfileLinter DOCKERFILES = new DockerfileLinter(ENGINE, RESOLVERS);
    private static final KubernetesLinter KUBERNETES = new KubernetesLinter(ENGINE, RESOLVERS);
    private static final ComposeLinter COMPOSE = new ComposeLinter(ENGINE, RESOLVERS);
    private static final ImageLinter IMAGES = new ImageLinter(ENGINE, RESOLVERS);
    private static final ConfigLoader CONFIG = new ConfigLoader(Catalogs.empty());

    private Fixtures() {
    }

    /** What a rule's examples and fixtures are, by the rule ID's series: IG1xx, IG2xx, IG3xx, IG4xx. */
    enum Input {
        DOCKERFILE("dockerfile"), KUBERNETES("yaml"), COMPOSE("yaml"), IMAGE("yaml");

        /** The language of the doc page's Bad/Good code blocks. */
        final String language;

        Input(String language) {
            this.language = language;
        }

        static Input of(String ruleId) {
            if (ruleId.startsWith("IG2")) return KUBERNETES;
            if (ruleId.startsWith("IG3")) return COMPOSE;
            if (ruleId.startsWith("IG4")) return IMAGE;
            return DOCKERFILE;
        }
    }

    /** A rule ID at a line. */
    record At(String ruleId, int line) implements Comparable<At> {
        @Override
        public int compareTo(At o) {
            return line != o.line ? Integer.compare(line, o.line) : ruleId.compareTo(o.ruleId);
        }

        @Override
        public String toString() {
            return ruleId + "@" + line;
        }
    }

    /**
     * Lints {@code content} as {@code input}; every target it yields (one for a Dockerfile, one per container or
     * service otherwise; one for an image, written as an OCI layout to a temporary folder and scanned through
     * {@link OciLayoutSource}). Input errors fail the test.
     *
     * @param context the build context (Dockerfile) or project folder (compose), or null
     */
    static List<TargetReport> lint(Input input, String name, String content, Path context) {
        LintOutcome out = switch (input) {
            case DOCKERFILE -> DOCKERFILES.lint(name, content, context, null, CONFIG.defaults());
            case KUBERNETES -> KUBERNETES.lint(name, content, CONFIG.defaults());
            case COMPOSE -> COMPOSE.lint(List.of(name), List.of(content), context, CONFIG.defaults());
            case IMAGE -> scanImage(ImageDescription.parse(name, content));
        };
        if (!out.errors().isEmpty()) throw new AssertionError(name + ": " + out.errors().getFirst().oneLine());
        if (out.targets().isEmpty()) throw new AssertionError(name + ": nothing to lint in it");
        return out.targets();
    }

    /** Writes the image to a temporary OCI layout, scans it, and deletes the layout. */
    static LintOutcome scanImage(ImageDescription image) {
        Path dir = null;
        try {
            dir = image.writeLayout(Files.createTempDirectory("initguard-image"));
            try (OciLayoutSource source = new OciLayoutSource(dir, null, null)) {
                return IMAGES.scan(source, CONFIG.defaults());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImageException e) {
            throw new AssertionError(e.getMessage());
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expectations of {@code content} for {@code ruleId} (all rules when null): {@code # expect:} lines. */
    static Set<At> expected(String content, String ruleId) {
        return expectations(EXPECT, content, ruleId);
    }

    /** The expectations of an image description: the rules its {@code # expect:} lines name, at line 0. */
    static Set<At> expectedOnImage(String content, String ruleId) {
        Set<At> out = new TreeSet<>();
        for (At at : expected(content, ruleId)) out.add(new At(at.ruleId(), 0));
        return out;
    }

    /** The {@code # expect suppressed:} expectations of {@code content} for {@code ruleId} (all when null). */
    static Set<At> expectedSuppressed(String content, String ruleId) {
        return expectations(EXPECT_SUPPRESSED, content, ruleId);
    }

    private static Set<At> expectations(Pattern pattern, String content, String ruleId) {
        Set<At> out = new TreeSet<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = pattern.matcher(lines[i]);
            if (!m.matches()) continue;
            int target = i + 1;
            while (target < lines.length && (lines[target].isBlank() || lines[target].trim().startsWith("#"))) target++;
            for (String id : m.group(1).split("[,\\s]+")) {
                if (!id.isBlank() && (ruleId == null || id.equals(ruleId))) out.add(new At(id, target + 1));
            }
        }
        return out;
    }

    /** The unsuppressed findings of {@code ruleId} in some reports. */
    static Set<At> actual(List<TargetReport> reports, String ruleId) {
        return findings(reports, ruleId, false);
    }

    /** The suppressed findings of {@code ruleId} in some reports. */
    static Set<At> suppressed(List<TargetReport> reports, String ruleId) {
        return findings(reports, ruleId, true);
    }

    private static Set<At> findings(List<TargetReport> reports, String ruleId, boolean suppressed) {
        Set<At> out = new TreeSet<>();
        for (TargetReport report : reports) {
            for (Finding f : report.findings()) {
                if (f.suppressed() == suppressed && f.ruleId().equals(ruleId)) {
                    out.add(new At(f.ruleId(), f.location().line()));
                }
            }
        }
        return out;
    }

    static List<String> ruleIds() {
        return ENGINE.rules().stream().map(r -> r.info().id()).toList();
    }
}
