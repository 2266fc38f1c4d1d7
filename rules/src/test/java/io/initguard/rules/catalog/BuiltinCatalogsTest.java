package io.initguard.rules.catalog;

import io.initguard.core.catalog.BaseImage;
import io.initguard.core.catalog.ImageRef;
import io.initguard.core.catalog.InitSpec;
import io.initguard.core.shell.ShellKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuiltinCatalogsTest {
    @Test
    void loadedOnce() {
        assertSame(BuiltinCatalogs.inits(), BuiltinCatalogs.inits());
        assertSame(BuiltinCatalogs.baseImages(), BuiltinCatalogs.baseImages());
    }

    @Test
    void everyInitIsFoundByItsPathsAndPrograms() {
        List<InitSpec> all = BuiltinCatalogs.inits().all();
        assertEquals(List.of("tini", "docker-init", "dumb-init", "catatonit", "s6-overlay", "s6-svscan", "my_init",
                "runit", "runsvdir", "supervisord", "systemd", "openrc-init", "initguard-init"),
                all.stream().map(InitSpec::name).toList());
        for (InitSpec spec : all) {
            for (String path : spec.paths()) {
                assertEquals(spec.name(), BuiltinCatalogs.inits().find(path).orElseThrow().name(), path);
            }
            for (String program : spec.programs()) {
                assertEquals(spec.name(), BuiltinCatalogs.inits().find(program).orElseThrow().name(), program);
                assertEquals(spec.name(), BuiltinCatalogs.inits().find("/somewhere/bin/" + program).orElseThrow()
                        .name(), program);
            }
            for (String pkg : spec.packages()) {
                assertTrue(BuiltinCatalogs.inits().byPackage(pkg).orElseThrow().packages().contains(pkg), pkg);
            }
            assertFalse(spec.description().isBlank(), spec.name());
            assertFalse(spec.source().isBlank(), spec.name());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", textBlock = """
            /usr/bin/tini,                tini
            tini,                         tini
            tini-static,                  tini
            /usr/bin/tini-static,         tini
            /sbin/docker-init,            docker-init
            /usr/local/bin/dumb-init,     dumb-init
            /run/podman-init,             catatonit
            /init,                        s6-overlay
            /command/s6-svscan,           s6-svscan
            /sbin/my_init,                my_init
            /sbin/runit,                  runit
            runsvdir,                     runsvdir
            /usr/bin/supervisord,         supervisord
            /lib/systemd/systemd,         systemd
            /usr/lib/systemd/systemd,     systemd
            /sbin/openrc-init,            openrc-init
            /initguard/init,              initguard-init
            /usr/local/bin/initguard-init,initguard-init
            init,                         -
            /sbin/init,                   -
            /usr/local/bin/init,          -
            sh,                           -
            """)
    void findsInits(String program, String expected) {
        assertEquals(expected, BuiltinCatalogs.inits().find(program).map(InitSpec::name).orElse(null));
    }

    @Test
    void sbinInitIsDecidedByPackage() {
        assertEquals("systemd", BuiltinCatalogs.inits().byPackage("systemd-sysv").orElseThrow().name());
        assertEquals("runit", BuiltinCatalogs.inits().byPackage("runit").orElseThrow().name());
        assertEquals("tini", BuiltinCatalogs.inits().byPackage("tini").orElseThrow().name());
        assertEquals("supervisord", BuiltinCatalogs.inits().byPackage("supervisor").orElseThrow().name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            python:3.12-slim     | -                                                     | python3                        | dash
            python:3.12-alpine   | -                                                     | python3                        | busybox
            python:3.12          | -                                                     | python3                        | dash
            node:22-slim         | docker-entrypoint.sh                                  | node                           | dash
            node:22-alpine       | docker-entrypoint.sh                                  | node                           | busybox
            node:22-bookworm     | docker-entrypoint.sh                                  | node                           | dash
            nginx:1.27           | /docker-entrypoint.sh                                 | nginx,-g,daemon off;           | dash
            nginx:1.27-alpine    | /docker-entrypoint.sh                                 | nginx,-g,daemon off;           | busybox
            postgres:17          | docker-entrypoint.sh                                  | postgres                       | dash
            php:8.3-apache       | docker-php-entrypoint                                 | apache2-foreground             | dash
            php:8.3-fpm          | docker-php-entrypoint                                 | php-fpm                        | dash
            php:8.3-cli          | docker-php-entrypoint                                 | php,-a                         | dash
            debian:bookworm      | -                                                     | bash                           | dash
            ubuntu:24.04         | -                                                     | /bin/bash                      | dash
            alpine:3.20          | -                                                     | /bin/sh                        | busybox
            busybox              | -                                                     | sh                             | busybox
            scratch              | -                                                     | -                              | none
            jenkins/jenkins:lts  | /usr/bin/tini,--,/usr/local/bin/jenkins.sh            | -                              | dash
            jenkins/jenkins:lts-alpine | /sbin/tini,--,/usr/local/bin/jenkins.sh         | -                              | busybox
            gcr.io/distroless/static-debian12:nonroot | -                                | -                              | none
            gcr.io/distroless/base-debian12:debug | /busybox/sh                          | -                              | busybox
            cgr.dev/chainguard/node | /usr/bin/node                                      | --help                         | none
            docker.io/library/redis:7 | docker-entrypoint.sh                             | redis-server                   | dash
            """)
    void acceptanceFacts(String image, String entrypoint, String cmd, String shell) {
        BaseImage base = BuiltinCatalogs.baseImages().lookup(ImageRef.parse(image)).orElseThrow();
        assertEquals(split(entrypoint), base.entrypoint(), image);
        assertEquals(split(cmd), base.cmd(), image);
        assertEquals(ShellKind.parse(shell), base.shell(), image);
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.asList(csv.split(","));
    }

    @Test
    void entrypointScriptsEndAsTheAcceptanceCorpusExpects() {
        assertEndsWith("node:22-slim", "/usr/local/bin/docker-entrypoint.sh", "exec \"$@\"");
        assertEndsWith("nginx:1.27", "/docker-entrypoint.sh", "exec \"$@\"");
        assertEndsWith("php:8.3-apache", "/usr/local/bin/docker-php-entrypoint", "exec \"$@\"");
        assertEndsWith("php:8.3-apache", "/usr/local/bin/apache2-foreground", "exec apache2 -DFOREGROUND \"$@\"");
        assertEndsWith("jenkins/jenkins:lts", "/usr/local/bin/jenkins.sh", "exec \"$@\"");
        String jenkins = script("jenkins/jenkins:lts", "/usr/local/bin/jenkins.sh");
        assertTrue(jenkins.contains("exec java -Duser.home=\"$JENKINS_HOME\""), jenkins);
        assertTrue(script("postgres:17", "/usr/local/bin/docker-entrypoint.sh").contains("\n\texec \"$@\"\n}"));
        assertEquals(List.of("tini"), BuiltinCatalogs.baseImages().lookup(ImageRef.parse("jenkins/jenkins")).orElseThrow()
                .inits());
    }

    private static String script(String image, String path) {
        String text = BuiltinCatalogs.baseImages().lookup(ImageRef.parse(image)).orElseThrow().scripts().get(path);
        assertTrue(text != null, image + " has no script " + path);
        return text;
    }

    private static void assertEndsWith(String image, String path, String lastLine) {
        List<String> lines = script(image, path).strip().lines().toList();
        assertEquals(lastLine, lines.getLast().strip(), image + " " + path);
    }

    /** exec "$@", exec <program> ..., or docker-library's `if ! _is_sourced; then _main "$@"; fi` with an exec in _main. */
    private static final Pattern EXEC_LAST = Pattern.compile("exec \\S.*");

    @Test
    void everyEntryIsComplete() {
        List<BaseImage> all = BuiltinCatalogs.baseImages().all();
        assertTrue(all.size() >= 40, "entries: " + all.size());
        for (BaseImage image : all) {
            String what = image.repository() + image.tags();
            assertFalse(image.tags().isEmpty(), what);
            assertTrue(image.source().startsWith("https://"), what);
            LocalDate checked = LocalDate.parse(image.checked());
            assertFalse(checked.isAfter(LocalDate.of(2026, 12, 1)), what);
            assertTrue(image.shell() != ShellKind.UNKNOWN, what);
            for (String init : image.inits()) {
                assertTrue(BuiltinCatalogs.inits().byName(init).isPresent(), what + " init " + init);
            }
            image.scripts().forEach((path, text) -> {
                assertTrue(text.startsWith("#!"), what + " " + path + " has no shebang");
                List<String> lines = text.strip().lines().map(String::strip).toList();
                String last = lines.getLast();
                boolean recognisable = EXEC_LAST.matcher(last).matches()
                        || (last.equals("fi") && lines.get(lines.size() - 2).equals("_main \"$@\"")
                        && text.contains("\texec \"$@\"\n}"));
                assertTrue(recognisable, what + " " + path + " ends with '" + last + "'");
            });
        }
    }

    @Test
    void theRequiredImagesAreAllPresent() {
        for (String repository : List.of("scratch", "alpine", "debian", "ubuntu", "busybox", "fedora", "rockylinux",
                "amazonlinux", "python", "node", "golang", "eclipse-temurin", "amazoncorretto", "ruby", "php", "nginx",
                "httpd", "postgres", "redis", "mysql", "mariadb", "mongo", "rabbitmq", "memcached", "traefik",
                "haproxy", "jenkins/jenkins", "gcr.io/distroless/*", "cgr.dev/chainguard/*")) {
            assertTrue(BuiltinCatalogs.baseImages().all().stream().anyMatch(e -> e.repository().equals(repository)),
                    repository);
        }
    }

    @Test
    void theGeneratedCataloguesEqualTheYamlFiles() {
        assertEquals(BuiltinCatalogs.initsFromYaml().all(), BuiltinCatalogs.inits().all());
        assertEquals(BuiltinCatalogs.baseImagesFromYaml().all(), BuiltinCatalogs.baseImages().all());
    }
}
