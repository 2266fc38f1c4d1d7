package io.initguard.core.image.layers;

import io.initguard.core.catalog.InitCatalog;
import io.initguard.core.catalog.InitSpec;
import io.initguard.core.image.ImageException;
import io.initguard.core.image.layers.ImageFixtures.Layer;
import io.initguard.core.image.layers.ImageFixtures.Layout;
import io.initguard.core.image.layers.ImageFixtures.Tar;
import io.initguard.core.image.layout.OciLayoutSource;
import io.initguard.core.model.Pid1Chain.Hop;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.Argv;
import io.initguard.core.resolve.ImageFile;
import io.initguard.core.resolve.Observation;
import io.initguard.core.resolve.ProcessResolver;
import io.initguard.core.shell.ShellKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayeredImageTest {
    static final InitCatalog INITS = InitCatalog.of(List.of(
            new InitSpec("tini", List.of("tini", "tini-static"), List.of("/usr/bin/tini", "/sbin/tini"),
                    List.of("tini"), true, true, List.of("-p"), "tini"),
            new InitSpec("s6-overlay", List.of(), List.of("/init"), List.of(), false, true, List.of(), "s6")));

    @TempDir
    Path tmp;

    private LayeredImage image(List<String> entrypoint, List<String> steps, Layer... layers)
            throws IOException, ImageException {
        Layout layout = new Layout(tmp.resolve("layout"));
        layout.add(layout.image(ImageFixtures.config(entrypoint, null,
                List.of("PATH=/usr/local/bin:/usr/bin:/bin"), "/app", steps), List.of(layers)), "latest");
        return new LayeredImage(new OciLayoutSource(layout.dir, null, null));
    }

    private static Tar debianBase() {
        return new Tar().dir("usr").dir("usr/bin").symlink("bin", "usr/bin").file("usr/bin/dash", "\u007fELF dash")
                .symlink("usr/bin/sh", "dash").file("usr/bin/bash", "\u007fELF bash").dir("etc")
                .file("etc/motd", "hi").dir("var/cache/apt").file("var/cache/apt/pkgcache.bin", "x");
    }

    @Test
    void whiteoutsAndOpaqueFoldersHideLowerLayers() throws Exception {
        Tar top = new Tar().whiteout("etc/motd").dir("var/cache").opaque("var/cache")
                .file("var/cache/new", "#!/bin/sh\nnew\n").file("usr/bin/tool", "#!/bin/sh\nv1\n");
        Tar topmost = new Tar().file("usr/bin/tool", "#!/bin/sh\nv2\n");
        LayeredImage img = image(List.of("/usr/bin/tool"), List.of("ADD rootfs /", "RUN clean", "COPY tool /usr/bin/"),
                Layer.gzip(debianBase()), Layer.zstd(top), Layer.plain(topmost));
        assertEquals(Optional.empty(), img.file("/etc/motd"));
        assertEquals(Optional.empty(), img.file("/var/cache/apt/pkgcache.bin"));
        assertInstanceOf(ImageFile.Text.class, img.file("/var/cache/new").orElseThrow());
        ImageFile tool = img.file("tool").orElseThrow();
        assertEquals(new ImageFile.Text("#!/bin/sh\nv2\n", tool.origin()), tool);
        assertTrue(tool.origin().startsWith("layer 3 ("), tool.origin());
        assertTrue(tool.origin().contains("(COPY tool /usr/bin/)"), tool.origin());
        assertEquals(2, img.where("/var/cache/new").orElseThrow().number());
        assertEquals(1, img.where("/usr/bin/dash").orElseThrow().number());
        assertEquals(3, img.layersRead());
    }

    @Test
    void aWhiteoutThenARecreatedFolderKeepsOnlyTheNewContent() throws Exception {
        Tar lower = new Tar().dir("opt/app").file("opt/app/old.sh", "#!/bin/sh\nold\n");
        Tar upper = new Tar().whiteout("opt/app").dir("opt/app").file("opt/app/new.sh", "#!/bin/sh\nnew\n");
        LayeredImage img = image(null, List.of(), Layer.plain(lower), Layer.plain(upper));
        assertEquals(Optional.empty(), img.file("/opt/app/old.sh"));
        assertTrue(img.file("/opt/app/new.sh").isPresent());
    }

    @Test
    void binShFollowsLinksThroughAMergedUsr() throws Exception {
        assertEquals(ShellKind.DASH, image(null, List.of(), Layer.plain(debianBase())).binSh());
    }

    @Test
    void binShAsASymlinkToBusybox() throws Exception {
        Tar t = new Tar().dir("bin").file("bin/busybox", "\u007fELF").symlink("bin/sh", "/bin/busybox");
        assertEquals(ShellKind.BUSYBOX, image(null, List.of(), Layer.plain(t)).binSh());
    }

    @Test
    void binShAsAHardlinkOfBusybox() throws Exception {
        Tar t = new Tar().dir("bin").file("bin/busybox", "\u007fELF").hardlink("bin/sh", "bin/busybox");
        assertEquals(ShellKind.BUSYBOX, image(null, List.of(), Layer.plain(t)).binSh());
        Tar official = new Tar().dir("bin").file("bin/[", "\u007fELF").hardlink("bin/busybox", "bin/[")
                .hardlink("bin/sh", "bin/[");
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        tmp = other;
        assertEquals(ShellKind.BUSYBOX, image(null, List.of(), Layer.plain(official)).binSh(),
                "busybox's own image links every applet to /bin/[");
    }

    @Test
    void noBinShIsNoneAndAnUnknownOneIsUnknown() throws Exception {
        assertEquals(ShellKind.NONE, image(null, List.of(), Layer.plain(new Tar().file("app", "x"))).binSh());
        tmp = Files.createDirectories(tmp.resolve("b"));
        assertEquals(ShellKind.UNKNOWN, image(null, List.of(), Layer.plain(new Tar().file("bin/sh", "x"))).binSh());
        tmp = Files.createDirectories(tmp.resolve("c"));
        assertEquals(ShellKind.BASH,
                image(null, List.of(), Layer.plain(new Tar().file("bin/bash", "x").symlink("bin/sh", "bash"))).binSh());
    }

    @Test
    void symlinkedEntrypointAcrossLayersRelativeAndAbsolute() throws Exception {
        Tar base = new Tar().dir("usr/local/bin").file("usr/local/bin/docker-entrypoint.sh", "#!/bin/bash\nexec \"$@\"\n");
        Tar links = new Tar().symlink("entrypoint", "usr/local/bin/docker-entrypoint.sh")
                .symlink("app/start", "../entrypoint").symlink("loop1", "loop2").symlink("loop2", "/loop1");
        LayeredImage img = image(null, List.of("COPY docker-entrypoint.sh /usr/local/bin/", "RUN ln -s"),
                Layer.plain(base), Layer.gzip(links));
        ImageFile.Text viaRelative = (ImageFile.Text) img.file("./start").orElseThrow();
        assertEquals(Optional.empty(), img.file("./start2"));
        assertEquals("#!/bin/bash\nexec \"$@\"\n", viaRelative.content());
        assertTrue(viaRelative.origin().startsWith("layer 1 "), viaRelative.origin());
        assertTrue(viaRelative.origin().contains("COPY docker-entrypoint.sh"), viaRelative.origin());
        assertEquals(viaRelative.content(), ((ImageFile.Text) img.file("/entrypoint").orElseThrow()).content());
        assertEquals(Optional.empty(), img.file("/loop1"), "a loop of links is no file");
        assertEquals(2, img.where("/entrypoint").orElseThrow().number());
    }

    @Test
    void opaqueFilesAndInitsWithTheirLayer() throws Exception {
        Tar base = new Tar().file("usr/bin/tini", "\u007fELF tini").file("usr/share/doc/tini", "docs")
                .file("init", "#!/bin/sh\nexec s6\n").symlink("sbin/tini", "/usr/bin/tini");
        LayeredImage img = image(null, List.of("ADD tini"), Layer.plain(base));
        assertInstanceOf(ImageFile.Opaque.class, img.file("tini").orElseThrow());
        List<FoundInit> inits = img.inits(INITS);
        assertEquals(List.of("/init", "/sbin/tini", "/usr/bin/tini"), inits.stream().map(FoundInit::path).toList());
        assertEquals("s6-overlay", inits.getFirst().init().name());
        assertEquals(EntryType.SYMLINK, inits.get(1).type());
        assertEquals(1, inits.get(2).origin().number());
    }

    @Test
    void theResolverReadsLayersOnlyWhenTheConfigDoesNotDecide() throws Exception {
        Layout layout = new Layout(tmp.resolve("layout"));
        Path big = tmp.resolve("big.tar");
        ImageFixtures.sparseLayer(big, "data/huge.bin", 1L << 30, new Tar().file("entry.sh", "#!/bin/sh\nexec app\n"));
        String bigDigest = ImageFixtures.sha256("a stand-in digest: hashing 1 GiB would read it".getBytes());
        Files.move(big, layout.dir.resolve("blobs/sha256").resolve(bigDigest.substring(7)));
        var manifest = ImageFixtures.JSON.createObjectNode();
        manifest.put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        byte[] config = ImageFixtures.bytes(ImageFixtures.config(List.of("/usr/bin/tini", "--", "app"), null,
                List.of(), null, List.of("ADD big")));
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", layout.blob(config)).put("size", config.length);
        manifest.putArray("layers").addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar")
                .put("digest", bigDigest).put("size", (1L << 30) + 2048);
        layout.add(layout.descriptor("application/vnd.oci.image.manifest.v1+json", ImageFixtures.bytes(manifest)), null);

        ImageFixtures.Counting source = new ImageFixtures.Counting(new OciLayoutSource(layout.dir, null, null));
        LayeredImage img = new LayeredImage(source);
        ProcessResolver resolver = new ProcessResolver(INITS);
        List<String> entry = img.config().entrypoint();
        ProcessResolver.Outcome out = resolver.resolve(Argv.of(entry), img, null, new ArrayList<Hop>(),
                new ArrayList<Observation>());
        assertEquals(Verdict.INIT, out.verdict());
        assertEquals(0, img.layersRead());
        assertEquals(0, source.opened.get(), "the 1 GiB layer must not be opened");

        ProcessResolver.Outcome script = resolver.resolve(Argv.of(List.of("/entry.sh")),
                new LayeredImage(new OciLayoutSource(layout.dir, null, null)), null, new ArrayList<Hop>(),
                new ArrayList<Observation>());
        assertEquals(new ProcessResolver.Outcome(Verdict.NO_INIT, null, "app"), script,
                "from disk the big layer is indexed by its headers only");
    }

    @Test
    void anUnreadableLayerMakesTheViewUnknownAndLoadSaysWhy() throws Exception {
        LayeredImage img = image(null, List.of(), new Layer("not a tar at all, just text".repeat(40).getBytes(),
                "application/vnd.oci.image.layer.v1.tar+gzip"));
        assertEquals(ShellKind.UNKNOWN, img.binSh());
        assertEquals(Optional.empty(), img.file("/x"));
        assertTrue(img.failure().orElseThrow().getMessage().contains("layer 1 sha256:"),
                img.failure().orElseThrow().getMessage());
    }

    @Test
    void stepNamesAreShortened() {
        assertEquals("COPY entrypoint.sh /", LayeredImage.step("/bin/sh -c #(nop) COPY entrypoint.sh / "));
        assertEquals("RUN apt-get update", LayeredImage.step("/bin/sh -c apt-get update"));
        assertEquals("COPY entrypoint.sh /", LayeredImage.step("COPY entrypoint.sh / # buildkit"));
    }
}
