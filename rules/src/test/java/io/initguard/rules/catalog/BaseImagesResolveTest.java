package io.initguard.rules.catalog;

import io.initguard.core.catalog.BaseImage;
import io.initguard.core.catalog.Catalogs;
import io.initguard.core.dockerfile.Dockerfile;
import io.initguard.core.dockerfile.DockerfileParser;
import io.initguard.core.model.Pid1Chain;
import io.initguard.core.model.Verdict;
import io.initguard.core.resolve.DockerfileResolver;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every entry of the built-in base-image catalogue, used as it is ({@code FROM image}), gives a verdict: its
 * ENTRYPOINT, CMD and entrypoint scripts are all understood by the resolver. Only an image with no command at all
 * (scratch, distroless static) stays unknown.
 */
class BaseImagesResolveTest {
    private static final DockerfileResolver RESOLVER =
            new DockerfileResolver(new Catalogs(BuiltinCatalogs.inits(), BuiltinCatalogs.baseImages()));

    @TestFactory
    Stream<DynamicTest> everyCatalogueEntryResolves() {
        return BuiltinCatalogs.baseImages().all().stream().map(b -> DynamicTest.dynamicTest(
                b.repository() + ":" + b.tags().getFirst(), () -> check(b)));
    }

    private static void check(BaseImage b) throws Exception {
        String repository = b.repository().endsWith("*")
                ? b.repository().substring(0, b.repository().length() - 1) + (b.repository().endsWith("/*") ? "x" : "")
                : b.repository();
        String tag = b.tags().getFirst().replace("*", "1").replace("?", "1");
        String image = repository.equals("scratch") ? "scratch" : repository + ":" + tag;
        Dockerfile df = DockerfileParser.parse("Dockerfile", "FROM " + image + "\n");
        Pid1Chain chain = RESOLVER.resolve(df, df.stages().getLast(), null).chain();
        if (b.entrypoint().isEmpty() && b.cmd().isEmpty()) return;
        assertNotEquals(Verdict.UNKNOWN, chain.verdict(), image + ": " + String.join("\n  ", chain.lines()));
    }
}
