package io.initguard.core.resolve;

import io.initguard.core.catalog.InitCatalog;
import io.initguard.core.catalog.InitSpec;
import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain;
import io.initguard.core.model.Pid1Chain.Hop;
import io.initguard.core.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves PID 1 of a container that an orchestrator starts from an image with commands of its own: a compose
 * service, a Kubernetes container. Both follow Docker's rule: an ENTRYPOINT override ({@code entrypoint:} in
 * compose, {@code command:} in Kubernetes) replaces the image ENTRYPOINT and drops its CMD; a CMD override
 * ({@code command:}, {@code args:}) replaces only the CMD.
 */
public final class ContainerResolver {
    private final InitCatalog inits;
    private final ImageResolver images;
    private final ProcessResolver processes;

    public ContainerResolver(InitCatalog inits, ImageResolver images) {
        this.inits = inits;
        this.images = images;
        this.processes = new ProcessResolver(inits);
    }

    /** The image named {@code reference} (at {@code at} in the input), looked up. */
    public ContainerImage image(String reference, Location at) {
        if (reference == null || reference.isBlank()) {
            return new ContainerImage.Unknown("(no image)", "no image is named", at, ImageView.UNKNOWN,
                    List.of(new Hop("no image is named", at)), List.of());
        }
        return switch (images.lookup(reference)) {
            case ImageLookup.Found(KnownImage k) -> new ContainerImage.Known(reference,
                    k.entrypoint().isEmpty() ? null : new ImageCommand(Argv.of(k.entrypoint()), "image " + reference,
                            null, false),
                    k.cmd().isEmpty() ? null : new ImageCommand(Argv.of(k.cmd()), "image " + reference, null, false),
                    k.view(), k.inits(), List.of(new Hop("image " + reference + ": " + k.description(), at)),
                    List.of());
            case ImageLookup.NotFound(String reason) -> new ContainerImage.Unknown(reference, reason, at,
                    ImageView.UNKNOWN, List.of(new Hop("image " + reference + ": " + reason, at)), List.of());
        };
    }

    /**
     * Resolves a container.
     *
     * @param entrypoint the override of the image ENTRYPOINT, or null
     * @param cmd        the override of the image CMD, or null
     * @param where      where the container is named in the input (findings about it as a whole point there)
     */
    public Resolution resolve(ContainerImage image, CommandOverride entrypoint, CommandOverride cmd,
                              RuntimeInit runtime, Location where) {
        return resolve(image, entrypoint, cmd, runtime, null, where);
    }

    /**
     * As {@link #resolve(ContainerImage, CommandOverride, CommandOverride, RuntimeInit, Location)}, with where the
     * runtime init is asked for ({@code init: true}, {@code shareProcessNamespace: true}); null for {@code where}.
     */
    public Resolution resolve(ContainerImage image, CommandOverride entrypoint, CommandOverride cmd,
                              RuntimeInit runtime, Location runtimeAt, Location where) {
        Location askedAt = runtimeAt != null ? runtimeAt : where;
        List<Hop> hops = new ArrayList<>(image.hops());
        List<Observation> facts = new ArrayList<>(image.facts());
        ProcessResolver.Outcome outcome = command(image, entrypoint, cmd, where, hops, facts);
        switch (runtime) {
            case NONE -> {
            }
            case DOCKER_INIT -> {
                hops.add(new Hop("init: true: Docker starts docker-init as PID 1, which runs the command above as its"
                        + " child, reaps orphans and forwards signals", askedAt));
                facts.removeIf(ContainerResolver::aboutPid1);
                outcome = new ProcessResolver.Outcome(Verdict.INIT, "docker-init", "docker-init");
            }
            case POD_PAUSE -> {
                hops.add(new Hop("shareProcessNamespace: true: the pod's pause container is PID 1 of the shared"
                        + " process namespace and reaps orphans", askedAt));
                facts.removeIf(ContainerResolver::aboutPid1);
                facts.add(new Observation.SharedProcessNamespace(askedAt));
                outcome = new ProcessResolver.Outcome(Verdict.INIT, "pause", "pause");
            }
        }
        return new Resolution(new Pid1Chain(hops, outcome.verdict(), outcome.init(), outcome.pid1()), facts);
    }

    /** Facts that matter only while the container's own command is PID 1. */
    private static boolean aboutPid1(Observation o) {
        return o instanceof Observation.ShellStaysPid1 || o instanceof Observation.InitNotPid1
                || o instanceof Observation.ScriptWithoutExec || o instanceof Observation.InitReplaced
                || o instanceof Observation.UnknownBaseImage;
    }

    private ProcessResolver.Outcome command(ContainerImage image, CommandOverride entrypoint, CommandOverride cmd,
                                            Location where, List<Hop> hops, List<Observation> facts) {
        Argv argv;
        Location at = where;
        if (entrypoint != null) {
            // An override that starts with an init itself replaces nothing that matters.
            boolean keepsAnInit = !entrypoint.words().isEmpty() && inits.find(entrypoint.words().getFirst()).isPresent();
            if (image instanceof ContainerImage.Known k && k.entrypoint() != null && !keepsAnInit) {
                Optional<InitSpec> init = inits.find(k.entrypoint().argv().program());
                init.ifPresent(i -> facts.add(new Observation.InitReplaced(i.name(), "image " + image.name(),
                        entrypoint.location())));
            }
            hops.add(new Hop(entrypoint.field() + " " + Argv.of(entrypoint.words()).display()
                    + " replaces the image ENTRYPOINT" + (cmd == null ? " and drops its CMD" : ""),
                    entrypoint.location()));
            argv = Argv.of(entrypoint.words());
            at = entrypoint.location();
            if (cmd != null) {
                hops.add(new Hop(cmd.field() + " " + Argv.of(cmd.words()).display() + " follows it", cmd.location()));
                argv = argv.concat(Argv.of(cmd.words()));
            }
        } else if (image instanceof ContainerImage.Unknown u) {
            hops.add(new Hop("the image " + u.name() + " is not known, so its ENTRYPOINT"
                    + (cmd == null ? " and CMD are" : " is") + " unknown", u.at()));
            facts.add(new Observation.UnknownBaseImage(u.name(), u.reason(), u.at()));
            return new ProcessResolver.Outcome(Verdict.UNKNOWN, null, null);
        } else {
            ContainerImage.Known k = (ContainerImage.Known) image;
            argv = Argv.of(List.of());
            if (k.entrypoint() != null) {
                hops.add(new Hop("ENTRYPOINT " + k.entrypoint().argv().display() + " (" + k.entrypoint().origin()
                        + ")", k.entrypoint().location()));
                argv = k.entrypoint().argv();
                if (k.entrypoint().location() != null) at = k.entrypoint().location();
            }
            if (cmd != null) {
                hops.add(new Hop(cmd.field() + " " + Argv.of(cmd.words()).display() + " replaces the image CMD",
                        cmd.location()));
                argv = argv.concat(Argv.of(cmd.words()));
                if (k.entrypoint() == null) at = cmd.location();
            } else if (k.cmd() != null) {
                hops.add(new Hop("CMD " + k.cmd().argv().display() + " (" + k.cmd().origin() + ")",
                        k.cmd().location()));
                argv = argv.concat(k.cmd().argv());
            }
        }
        ProcessResolver.Outcome out = processes.resolve(argv, image.view(), at, hops, facts);
        if (out.verdict() == Verdict.UNKNOWN && image instanceof ContainerImage.Unknown u) {
            facts.add(new Observation.UnknownBaseImage(u.name(), u.reason(), u.at()));
        }
        return out;
    }
}
