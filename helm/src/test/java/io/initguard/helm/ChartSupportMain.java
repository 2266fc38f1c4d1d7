package io.initguard.helm;

import io.initguard.cli.ChartSupport;
import io.initguard.core.chart.ChartException;
import io.initguard.core.chart.ChartRenderer;
import io.initguard.core.chart.ChartRequest;
import io.initguard.core.chart.RenderedChart;
import io.initguard.core.chart.RenderedTemplate;

import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link ChartSupportIT} in a JVM whose class path is the CLI's initguard.jar and the test classes only: loads
 * the renderer through {@link ChartSupport#load()} as the CLI does, renders the chart named by the first argument (in
 * the namespace of the second, when given) and prints what it got. References no class of the helm module itself.
 */
public final class ChartSupportMain {
    private ChartSupportMain() {
    }

    public static void main(String[] args) {
        try {
            long start = System.nanoTime();
            ChartRenderer renderer = ChartSupport.load();
            System.out.println("renderer " + renderer.getClass().getName() + " from loader "
                    + renderer.getClass().getClassLoader().getName());
            ChartRequest request = new ChartRequest(Path.of(args[0]), List.of(), List.of(),
                    args.length > 1 ? args[1] : null, null);
            RenderedChart chart = renderer.render(request);
            long first = System.nanoTime();
            int renders = 20;
            for (int i = 0; i < renders; i++) {
                renderer.render(request);
            }
            long end = System.nanoTime();
            for (RenderedTemplate template : chart.templates()) {
                System.out.println("source " + template.source());
                template.yaml().lines().filter(l -> l.strip().startsWith("namespace:"))
                        .forEach(l -> System.out.println("  " + l.strip()));
            }
            System.out.printf("timing load+first render %.0f ms, then %.2f ms a render%n",
                    (first - start) / 1e6, (end - first) / 1e6 / renders);
        } catch (ChartException e) {
            System.out.println("error " + e.getMessage());
            System.exit(2);
        }
    }
}
