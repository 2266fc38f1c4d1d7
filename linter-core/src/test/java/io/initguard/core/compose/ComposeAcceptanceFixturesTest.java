package io.initguard.core.compose;

import io.initguard.core.model.Location;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The acceptance compose files (copied from the shared acceptance cases) parse to the expected services. */
class ComposeAcceptanceFixturesTest {

    static ComposeFile fixture(String name) throws ComposeSyntaxException {
        return ComposeParser.parse(Path.of("src/test/resources/compose/acceptance", name));
    }

    static ComposeService service(ComposeFile f, String name) {
        return f.service(name).orElseThrow(() -> new AssertionError("no service " + name + " in " + f.services()));
    }

    static List<String> words(Optional<CommandSpec> spec) {
        return spec.orElseThrow().words();
    }

    static List<String> names(ComposeFile f) {
        return f.services().stream().map(ComposeService::name).toList();
    }

    @Test
    void c01InitTrue() throws Exception {
        ComposeFile f = fixture("c01-init-true/compose.yaml");
        ComposeService web = service(f, "web");
        assertEquals(List.of("web"), names(f));
        assertEquals("python:3.12-slim", web.image());
        assertEquals(List.of("python", "-m", "http.server", "8000"), words(web.command()));
        assertFalse(web.command().orElseThrow().fromString());
        assertEquals(4, web.command().orElseThrow().location().line());
        assertEquals(Boolean.TRUE, web.init());
        assertTrue(web.entrypoint().isEmpty());
        assertNull(web.build());
        assertEquals(2, web.location().line());
        assertEquals(3, web.location().column());
        assertTrue(web.location().file().endsWith("compose.yaml"));
    }

    @Test
    void c02NoInit() throws Exception {
        ComposeService web = service(fixture("c02-no-init/compose.yaml"), "web");
        assertNull(web.init());
        assertEquals(List.of("python", "-m", "http.server", "8000"), words(web.command()));
    }

    @Test
    void c03BuildContext() throws Exception {
        ComposeFile f = fixture("c03-build-context-tini/compose.yaml");
        assertEquals(List.of("api", "db"), names(f));
        ComposeService api = service(f, "api");
        assertEquals(new Build("./api", "Dockerfile", null, null), api.build());
        assertNull(api.image());
        assertTrue(api.command().isEmpty());
        assertEquals("postgres:17", service(f, "db").image());
        assertEquals(8, service(f, "db").location().line());
    }

    @Test
    void c04MixedServicesIgnoresVersion() throws Exception {
        ComposeFile f = fixture("c04-mixed-services/docker-compose.yml");
        assertEquals(List.of("web", "worker", "cron"), names(f));
        assertEquals(Boolean.TRUE, service(f, "web").init());
        assertNull(service(f, "worker").init());
        ComposeService cron = service(f, "cron");
        assertEquals(List.of("/sbin/tini", "--"), words(cron.entrypoint()));
        assertEquals(List.of("crond", "-f"), words(cron.command()));
        assertEquals("registry.example.com/ops/cron:1.0", cron.image());
    }

    @Test
    void c05StringCommandsAreSplitWithoutAShell() throws Exception {
        ComposeFile f = fixture("c05-string-command-and-entrypoint/compose.yaml");
        CommandSpec app = service(f, "app").command().orElseThrow();
        assertEquals(List.of("python", "app.py", "--workers", "4"), app.words());
        assertTrue(app.fromString());
        assertEquals(new Location(f.file(), 4, 14), app.location());
        CommandSpec reaper = service(f, "reaper").entrypoint().orElseThrow();
        assertEquals(List.of("/usr/bin/tini", "--", "/usr/local/bin/agent"), reaper.words());
        assertTrue(service(f, "reaper").command().isEmpty());
    }

    @Test
    void c06AndC07ImageOnly() throws Exception {
        ComposeService billing = service(fixture("c06-unknown-image/compose.yaml"), "billing");
        assertEquals("registry.example.com/payments/billing:4.2.0", billing.image());
        assertTrue(billing.command().isEmpty() && billing.entrypoint().isEmpty());
        ComposeFile jenkins = fixture("c07-jenkins-image/compose.yaml");
        assertEquals(List.of("jenkins"), names(jenkins));
        assertEquals("jenkins/jenkins:lts-jdk17", service(jenkins, "jenkins").image());
    }

    @Test
    void c08AnchorsAndMergeKeys() throws Exception {
        ComposeFile f = fixture("c08-anchors-merge/compose.yaml");
        assertEquals(List.of("api", "scheduler"), names(f), "x-defaults is not a service");
        ComposeService api = service(f, "api");
        assertEquals(Boolean.TRUE, api.init());
        assertEquals("python:3.12-slim", api.image());
        assertEquals(List.of("python", "-m", "api"), words(api.command()));
        ComposeService scheduler = service(f, "scheduler");
        assertEquals(Boolean.FALSE, scheduler.init(), "the service's own key wins over the merged one");
        assertEquals("python:3.12-slim", scheduler.image());
    }

    @Test
    void c09IgnoreComment() throws Exception {
        ComposeService migrate = service(fixture("c09-service-ignore/compose.yaml"), "migrate");
        assertEquals(Set.of("IG301"), migrate.ignoredRules());
        assertEquals(List.of("python", "manage.py", "migrate"), words(migrate.command()));
    }

    @Test
    void servicesWithoutIgnoreCommentsHaveNone() throws Exception {
        assertTrue(service(fixture("c01-init-true/compose.yaml"), "web").ignoredRules().isEmpty());
    }
}
