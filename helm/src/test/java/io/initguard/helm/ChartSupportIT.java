package io.initguard.helm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: the CLI's shaded initguard.jar, run as its own JVM, finds the packaged initguard-helm.jar through
 * {@code io.initguard.cli.ChartSupport} and renders the project's test chart with it.
 */
class ChartSupportIT {
    private static final Path HELM_JAR = Path.of(System.getProperty("initguard.helm.jar"));
    private static final Path CLI_JAR = Path.of(System.getProperty("initguard.jar"));
    private static final Path CHART = Path.of(System.getProperty("initguard.chart"));

    private record Run(int exitCode, String output) {
    }

    /** Runs {@link ChartSupportMain} on the CLI's jar; {@code helmJar} null leaves INITGUARD_HELM_JAR unset. */
    private static Run run(String helmJar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", CLI_JAR + java.io.File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                ChartSupportMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("INITGUARD_HELM_JAR");
        if (helmJar != null) {
            env.put("INITGUARD_HELM_JAR", helmJar);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    @Test
    void cliLoadsTheHelmJarNamedByTheEnvironmentAndRenders() throws Exception {
        Run run = run(HELM_JAR.toString(), CHART.toString());

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("renderer io.initguard.helm.HelmChartRenderer from loader initguard-helm\n"),
                run.output());
        assertTrue(run.output().contains("source webapp/templates/deployment.yaml\n  namespace: default\n"), run.output());
        assertTrue(run.output().contains("source webapp/templates/cronjob.yaml\n  namespace: default\n"), run.output());
        System.out.print(run.output());
    }

    @Test
    void cliFindsTheHelmJarInItsSourceTree() throws Exception {
        Run run = run(null, CHART.toString(), "payments");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("source webapp/templates/deployment.yaml\n  namespace: payments\n"), run.output());
    }

    @Test
    void missingJarIsAOneLineError() throws Exception {
        Run run = run("/nonexistent/initguard-helm.jar", CHART.toString());

        assertEquals(2, run.exitCode(), run.output());
        assertEquals("error INITGUARD_HELM_JAR=/nonexistent/initguard-helm.jar: no such file; charts need the"
                + " initguard-helm module, which is not installed: build it with ./mvnw -pl helm -am package"
                + " (or set INITGUARD_HELM_JAR)\n", run.output());
    }

    @Test
    void cliJarHoldsNoHelmAndHelmJarHoldsNoCore() throws IOException {
        try (ZipFile cli = new ZipFile(CLI_JAR.toFile())) {
            // JNA is there for docker-java (scan docker-daemon:); Helm and its native library are not.
            assertFalse(cli.stream().map(ZipEntry::getName).anyMatch(n -> n.startsWith("com/marcnuri/")
                    || n.startsWith("helm-") || n.startsWith("io/initguard/helm/")));
            assertTrue(cli.getEntry("io/initguard/cli/ChartSupport.class") != null);
        }
        try (ZipFile helm = new ZipFile(HELM_JAR.toFile())) {
            assertTrue(helm.getEntry("io/initguard/helm/HelmChartRenderer.class") != null);
            assertTrue(helm.getEntry("META-INF/services/io.initguard.core.chart.ChartRenderer") != null);
            assertTrue(helm.getEntry("com/marcnuri/helm/Helm.class") != null);
            assertFalse(helm.stream().map(ZipEntry::getName).anyMatch(n -> n.startsWith("io/initguard/core/")
                    || n.startsWith("com/fasterxml/") || n.startsWith("org/yaml/") || n.startsWith("io/initguard/cli/")));
        }
        assertTrue(Files.size(HELM_JAR) > 10_000_000, "the jar carries Helm's native library");
    }
}
