import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.initguard.core.catalog.Catalogs;
import io.initguard.core.config.Config;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.kubernetes.KubernetesParser;
import io.initguard.core.kubernetes.PodTemplatePath;
import io.initguard.core.lint.KubernetesLinter;
import io.initguard.core.lint.LintOutcome;
import io.initguard.core.lint.Resolvers;
import io.initguard.core.yaml.YamlDocuments;
import io.initguard.rules.catalog.BuiltinCatalogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * In one JVM, on the same files, one thread: linting Kubernetes manifests (KubernetesLinter with the installed rules
 * and the built-in catalogues, as {@code initguard lint} does per file, without the report) against merely parsing
 * the same YAML with Jackson ({@code new ObjectMapper(new YAMLFactory()).readValues}, every document to a tree).
 * Every run reads the files again. Two more steps show where the lint's time goes: YamlDocuments alone (SnakeYAML
 * nodes with lines, no tree), and KubernetesParser (YamlDocuments, trees, fabric8's PodSpec).
 *
 * usage: java -cp linter-cli/target/initguard.jar bench/K8sLintVsParse.java FOLDER [WARMUP] [RUNS]
 * ({@code -Dsteps=lint,jackson-parse} runs only those steps, for profiling)
 */
public class K8sLintVsParse {
    private interface Step {
        long run(Path file, String text) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Config config = new Config(null, Map.of(), null, Catalogs.empty());
        KubernetesLinter linter = new KubernetesLinter(LintEngine.withInstalledRules(),
                new Resolvers(new Catalogs(BuiltinCatalogs.inits(), BuiltinCatalogs.baseImages())));
        KubernetesParser parser = new KubernetesParser(PodTemplatePath.builtin());

        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("jackson-parse", (f, text) -> {
            long n = 0;
            for (JsonNode doc : yaml.readValues(yaml.getFactory().createParser(text), JsonNode.class).readAll()) {
                n += doc.size();
            }
            return n;
        });
        steps.put("lint", (f, text) -> {
            LintOutcome o = linter.lint(f.toString(), text, config);
            return o.targets().size() + 1000L * o.errors().size();
        });
        steps.put("yaml-documents", (f, text) -> YamlDocuments.read(text).size());
        steps.put("k8s-parse", (f, text) -> parser.parse(f.toString(), text).workloads().size());

        String only = System.getProperty("steps");
        if (only != null) steps.keySet().retainAll(List.of(only.split(",")));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (String name : steps.keySet()) times.put(name, new ArrayList<>());
        for (int round = 0; round < warmup + runs; round++) {
            for (Map.Entry<String, Step> e : steps.entrySet()) {
                long start = System.nanoTime();
                long check = 0;
                for (Path f : files) {
                    check += e.getValue().run(f, Files.readString(f, StandardCharsets.UTF_8));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round >= warmup) times.get(e.getKey()).add(seconds);
                System.err.printf("round %d %-15s %6.3f s (check %d)%n", round, e.getKey(), seconds, check);
            }
        }
        double base = times.containsKey("jackson-parse") ? median(times.get("jackson-parse")) : Double.NaN;
        System.out.printf("%d files, %d warm-up rounds, %d measured rounds (median)%n", files.size(), warmup, runs);
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            double m = median(e.getValue());
            System.out.printf("%-15s %6.3f s  %7.1f us/file  %5.2fx jackson-parse%n", e.getKey(), m,
                    m * 1e6 / files.size(), m / base);
        }
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
