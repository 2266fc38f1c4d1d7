package io.initguard.core.resolve;

import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain.Hop;
import io.initguard.core.model.Verdict;
import io.initguard.core.shell.ShellKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The process resolver on its own, with an image given as a map of files (as compose and Kubernetes use it). */
class ProcessResolverTest {
    private static final Location WHERE = Location.of("compose.yaml", 3);
    private final ProcessResolver resolver = new ProcessResolver(ResolverFixture.INITS);

    private static ImageView image(ShellKind sh, Map<String, String> scripts) {
        return new ImageView() {
            @Override
            public ShellKind binSh() {
                return sh;
            }

            @Override
            public Optional<ImageFile> file(String program) {
                String path = program.startsWith("/") ? program : "/usr/local/bin/" + program;
                return Optional.ofNullable(scripts.get(path)).map(t -> new ImageFile.Text(t, "test image"));
            }
        };
    }

    private ProcessResolver.Outcome run(Argv argv, ImageView image) {
        return resolver.resolve(argv, image, WHERE, new ArrayList<Hop>(), new ArrayList<Observation>());
    }

    @Test
    void unknownTailSubstitutedIntoExecDollarAtIsUnknown() {
        ImageView img = image(ShellKind.DASH, Map.of("/entrypoint.sh", "#!/bin/sh\nexec \"$@\"\n"));
        assertEquals(new ProcessResolver.Outcome(Verdict.UNKNOWN, null, null),
                run(new Argv(List.of("/entrypoint.sh"), true), img));
    }

    @Test
    void unknownTailAfterGosuIsUnknown() {
        ImageView img = image(ShellKind.DASH, Map.of("/entrypoint.sh", "#!/bin/sh\nexec gosu app \"$@\"\n"));
        assertEquals(Verdict.UNKNOWN, run(new Argv(List.of("/entrypoint.sh"), true), img).verdict());
    }

    @Test
    void unknownTailDoesNotMatterWhenTheScriptExecsAnInit() {
        ImageView img = image(ShellKind.DASH, Map.of("/entrypoint.sh", "#!/bin/sh\nexec tini -- \"$@\"\n"));
        assertEquals(new ProcessResolver.Outcome(Verdict.INIT, "tini", "tini"),
                run(new Argv(List.of("/entrypoint.sh"), true), img));
    }

    @Test
    void knownTailIsSubstituted() {
        ImageView img = image(ShellKind.DASH, Map.of("/entrypoint.sh", "#!/bin/sh\nexec \"$@\"\n"));
        assertEquals(new ProcessResolver.Outcome(Verdict.NO_INIT, null, "nginx"),
                run(Argv.of(List.of("/entrypoint.sh", "nginx", "-g", "daemon off;")), img));
    }

    @Test
    void shellStaysObservationPointsAtTheGivenLocation() {
        List<Observation> facts = new ArrayList<>();
        resolver.resolve(Argv.of(List.of("sh", "-c", "app | tee log")), image(ShellKind.BUSYBOX, Map.of()), WHERE,
                new ArrayList<>(), facts);
        assertEquals(List.of(new Observation.ShellStaysPid1("sh", "app | tee log", WHERE)), facts);
    }

    @Test
    void unknownShellIsNotGuessed() {
        assertEquals(Verdict.UNKNOWN, run(Argv.of(List.of("/bin/sh", "-c", "app")), ImageView.UNKNOWN).verdict());
    }

    @Test
    void aScriptThatExecsItselfCannotLoopForever() {
        ImageView img = image(ShellKind.DASH, Map.of("/loop.sh", "#!/bin/sh\nexec /loop.sh \"$@\"\n"));
        assertEquals(Verdict.UNKNOWN, run(Argv.of(List.of("/loop.sh", "x")), img).verdict());
    }
}
