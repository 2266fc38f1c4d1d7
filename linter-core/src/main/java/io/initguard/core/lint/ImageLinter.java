package io.initguard.core.lint;

import io.initguard.core.config.Config;
import io.initguard.core.engine.ContainerTarget;
import io.initguard.core.engine.LintEngine;
import io.initguard.core.image.ImageConfig;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.ImageSource;
import io.initguard.core.image.layers.FoundInit;
import io.initguard.core.image.layers.LayeredImage;
import io.initguard.core.model.LintError;
import io.initguard.core.model.Location;
import io.initguard.core.model.Pid1Chain;
import io.initguard.core.model.Pid1Chain.Hop;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Argv;
import io.initguard.core.resolve.ContainerImage;
import io.initguard.core.resolve.ImageCommand;
import io.initguard.core.resolve.Observation;
import io.initguard.core.resolve.Resolution;
import io.initguard.core.resolve.RuntimeInit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scans an image as it is: its config says what starts, its layers (read only when the resolver asks about a file)
 * say what the files are. The target is named by the image as given, kind {@code image}.
 */
public final class ImageLinter {
    private final LintEngine engine;
    private final Resolvers resolvers;

    public ImageLinter(LintEngine engine, Resolvers resolvers) {
        this.engine = engine;
        this.resolvers = resolvers;
    }

    /** Scans one image; an image that cannot be read is an error, never an exception. */
    public LintOutcome scan(ImageSource source, Config config) {
        String name = source.name();
        Location where = new Location(name, 0, 0);
        LayeredImage image;
        try {
            image = new LayeredImage(source);
        } catch (ImageException e) {
            return LintOutcome.failed(error(name, e));
        }
        Resolvers.ForConfig r = resolvers.of(config);
        ImageConfig c = image.config();
        List<Hop> hops = new ArrayList<>();
        hops.add(new Hop("image " + name + " (manifest " + image.manifest().digest() + ", " + image.manifest().layers().size()
                + " layers" + (c.user() == null || c.user().isEmpty() ? "" : ", user " + c.user())
                + (c.stopSignal() == null || c.stopSignal().isEmpty() ? "" : ", stop signal " + c.stopSignal()) + ")",
                where));
        ImageCommand entrypoint = c.entrypoint() == null || c.entrypoint().isEmpty() ? null
                : new ImageCommand(Argv.of(c.entrypoint()), "image config", null, false);
        ImageCommand cmd = c.cmd() == null || c.cmd().isEmpty() ? null
                : new ImageCommand(Argv.of(c.cmd()), "image config", null, false);
        ContainerImage.Known known = new ContainerImage.Known(name, entrypoint, cmd, image, List.of(), hops, List.of());
        Resolution resolved = r.containers().resolve(known, null, null, RuntimeInit.NONE, where);

        List<Observation> facts = new ArrayList<>(resolved.observations());
        if (resolved.chain().verdict() != Verdict.INIT) {
            Set<String> seen = new HashSet<>();
            for (FoundInit f : image.inits(r.catalogs().inits())) {
                if (seen.add(f.init().name())) {
                    facts.add(new Observation.InitInstalled(f.init().name(), "at " + f.path() + ", from "
                            + f.origin().describe(), where));
                }
            }
        }
        List<LintError> errors = new ArrayList<>();
        image.failure().ifPresent(e -> errors.add(error(name, e)));
        Pid1Chain chain = resolved.chain();
        if (image.layersRead() == 0) {
            List<Hop> withNote = new ArrayList<>(chain.hops());
            withNote.add(new Hop("decided by the image config alone: no layer was read", null));
            chain = new Pid1Chain(withNote, chain.verdict(), chain.init(), chain.pid1());
        }
        ContainerTarget target = new ContainerTarget(name, ContainerTarget.IMAGE, name,
                new Resolution(chain, facts), where, null, Set.of());
        return new LintOutcome(List.of(engine.check(target, config.rules())), errors);
    }

    /** The error about image {@code name}, its message without the name it often starts with. */
    public static LintError error(String name, ImageException e) {
        String m = e.getMessage() == null ? "cannot be read" : e.getMessage();
        for (String prefix : new String[]{name + ": ", name.replaceFirst("^[a-z-]+:(//)?", "") + ": "}) {
            if (m.startsWith(prefix)) m = m.substring(prefix.length());
        }
        return new LintError(name, 0, 0, m);
    }
}
