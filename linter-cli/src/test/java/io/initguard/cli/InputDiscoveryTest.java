package io.initguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.initguard.cli.Cli.run;
import static io.initguard.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which files a folder argument lints, and the path each is reported under. */
class InputDiscoveryTest {
    @TempDir
    Path dir;

    /** The reported files of linting {@code args}, relative to {@code base} (so the assertions read short). */
    private List<String> found(Path base, String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "lint";
        full[1] = "--format";
        full[2] = "json";
        System.arraycopy(args, 0, full, 3, args.length);
        Cli.Result r = run(full);
        assertEquals(1, r.code(), r::toString); // every fixture has an IG101 error
        String prefix = base + "/";
        return Cli.files(r.json()).stream()
                .map(f -> f.startsWith(prefix) ? f.substring(prefix.length()) : f).sorted().toList();
    }

    private List<String> found() {
        return found(dir, dir.toString());
    }

    private void dockerfile(String rel) {
        write(dir, rel, Cli.NO_INIT);
    }

    @Test
    void findsTheDockerfileNamesAndNoOthers() {
        for (String rel : List.of("Dockerfile", "Containerfile", "x.Dockerfile", "Dockerfile.prod",
                "svc/api/Dockerfile", "svc/web.Dockerfile", "Dockerfile.dockerignore", "x.Dockerfile.dockerignore",
                ".dockerignore", "Dockerfile-old", "MyDockerfile", "dockerfile.txt", "Dockerfiles", "notes.md")) {
            dockerfile(rel);
        }
        assertEquals(List.of("Containerfile", "Dockerfile", "Dockerfile.prod", "svc/api/Dockerfile",
                "svc/web.Dockerfile", "x.Dockerfile"), found());
    }

    @Test
    void dockerfileDotSourceCodeIsNoDockerfile() {
        for (String rel : List.of("Dockerfile.dev", "Containerfile.ci", "src/Dockerfile.java", "docs/Dockerfile.md",
                "Dockerfile.j2", "Dockerfile.orig", "Dockerfile.Java")) {
            dockerfile(rel);
        }
        assertEquals(List.of("Containerfile.ci", "Dockerfile.dev"), found());
    }

    @Test
    void skipsDotGit() {
        dockerfile("Dockerfile");
        dockerfile(".git/Dockerfile");
        dockerfile("sub/.git/Dockerfile");
        assertEquals(List.of("Dockerfile"), found());
    }

    @Test
    void folderArgumentIsJoinedWithTheFoundPath() {
        dockerfile("sub/Dockerfile");
        Cli.Result r = run("lint", "--format", "json", dir.toString());
        assertEquals(List.of(dir + "/sub/Dockerfile"), Cli.files(r.json()));
        assertEquals(dir + "/sub/Dockerfile", r.json().at("/targets/0/findings/0/file").asText());
        Cli.Result slash = run("lint", "--format", "json", dir + "/");
        assertEquals(List.of(dir + "/sub/Dockerfile"), Cli.files(slash.json()));
    }

    @Test
    void relativeFolderArgumentStaysRelative() {
        dockerfile("sub/Dockerfile");
        String rel = Path.of("").toAbsolutePath().relativize(dir).toString();
        Cli.Result r = run("lint", "--format", "json", rel);
        assertEquals(List.of(rel + "/sub/Dockerfile"), Cli.files(r.json()));
        assertEquals(rel + "/sub/Dockerfile", r.json().at("/targets/0/findings/0/file").asText());
    }

    @Test
    void fileArgumentIsReportedAsGiven() {
        dockerfile("sub/Dockerfile");
        String given = dir + "/sub/../sub/./Dockerfile";
        Cli.Result r = run("lint", "--format", "json", given);
        assertEquals(List.of(given), Cli.files(r.json()));
        assertEquals(given, r.json().at("/targets/0/findings/0/file").asText());
    }

    @Test
    void aFileWithAnyNameIsLintedWhenNamed() {
        dockerfile("build.txt");
        assertEquals(List.of("build.txt"), found(dir, dir + "/build.txt"));
    }

    @Test
    void severalArgumentsInOrder() {
        dockerfile("b/Dockerfile");
        dockerfile("a/Dockerfile");
        dockerfile("c.Dockerfile");
        Cli.Result r = run("lint", "--format", "json", dir + "/c.Dockerfile", dir + "/b", dir + "/a");
        assertEquals(List.of(dir + "/c.Dockerfile", dir + "/b/Dockerfile", dir + "/a/Dockerfile"),
                Cli.files(r.json()));
    }

    @Test
    void gitignorePlainNameMatchesAtAnyDepth() {
        dockerfile("Dockerfile");
        dockerfile("build/Dockerfile");
        dockerfile("app/build/Dockerfile");
        dockerfile("app/Dockerfile.generated");
        write(dir, ".gitignore", "# comment\n\nbuild\nDockerfile.generated\n");
        assertEquals(List.of("Dockerfile"), found());
    }

    @Test
    void gitignoreTrailingSlashMatchesFoldersOnly() {
        dockerfile("Dockerfile.dev");
        dockerfile("out/Dockerfile");
        dockerfile("Dockerfile.out/Dockerfile");
        write(dir, ".gitignore", "Dockerfile.dev/\nout/\nDockerfile.out/\n");
        assertEquals(List.of("Dockerfile.dev"), found());
    }

    @Test
    void gitignoreLeadingSlashAnchorsToItsFolder() {
        dockerfile("top/Dockerfile");
        dockerfile("app/top/Dockerfile");
        dockerfile("Dockerfile.local");
        dockerfile("app/Dockerfile.local");
        write(dir, ".gitignore", "/top\n/Dockerfile.local\n");
        assertEquals(List.of("app/Dockerfile.local", "app/top/Dockerfile"), found());
    }

    @Test
    void gitignoreMiddleSlashAnchorsToo() {
        dockerfile("app/gen/Dockerfile");
        dockerfile("lib/app/gen/Dockerfile");
        write(dir, ".gitignore", "app/gen\n");
        assertEquals(List.of("lib/app/gen/Dockerfile"), found());
    }

    @Test
    void gitignoreGlob() {
        dockerfile("Dockerfile");
        dockerfile("a.tmp.Dockerfile");
        dockerfile("deep/b.tmp.Dockerfile");
        dockerfile("Dockerfile.bak1");
        dockerfile("Dockerfile.bak22");
        write(dir, ".gitignore", "*.tmp.Dockerfile\nDockerfile.bak?\n");
        assertEquals(List.of("Dockerfile", "Dockerfile.bak22"), found());
    }

    @Test
    void gitignoreDoubleStar() {
        dockerfile("vendor/Dockerfile");
        dockerfile("a/b/vendor/Dockerfile");
        dockerfile("a/vendored/Dockerfile");
        dockerfile("docs/x/y/Dockerfile");
        dockerfile("docs/Dockerfile");
        write(dir, ".gitignore", "**/vendor\ndocs/**/Dockerfile\n");
        assertEquals(List.of("a/vendored/Dockerfile"), found());
    }

    @Test
    void gitignoreNegation() {
        dockerfile("Dockerfile");
        dockerfile("Dockerfile.prod");
        dockerfile("Dockerfile.keep");
        dockerfile("sub/Dockerfile.keep");
        write(dir, ".gitignore", "Dockerfile.*\n!Dockerfile.keep\n");
        assertEquals(List.of("Dockerfile", "Dockerfile.keep", "sub/Dockerfile.keep"), found());
    }

    @Test
    void nestedGitignoreAppliesBelowItsFolderAndCanNegateTheParent() {
        dockerfile("Containerfile");
        dockerfile("sub/Containerfile");
        dockerfile("sub/deeper/Containerfile");
        dockerfile("a.Dockerfile");
        dockerfile("sub/a.Dockerfile");
        dockerfile("sub/b.Dockerfile");
        write(dir, ".gitignore", "*.Dockerfile\n");
        write(dir, "sub/.gitignore", "Containerfile\n!a.Dockerfile\n");
        assertEquals(List.of("Containerfile", "sub/a.Dockerfile"), found());
    }

    @Test
    void gitignoreOfTheRepositoryAppliesWhenLintingASubfolder() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write(dir, ".gitignore", "gen/\n");
        dockerfile("app/Dockerfile");
        dockerfile("app/gen/Dockerfile");
        assertEquals(List.of("Dockerfile"), found(dir.resolve("app"), dir.resolve("app").toString()));
    }

    @Test
    void gitignoreAboveTheRepositoryIsIgnored() throws IOException {
        write(dir, ".gitignore", "Dockerfile\n");
        Files.createDirectories(dir.resolve("repo/.git"));
        dockerfile("repo/Dockerfile");
        assertEquals(List.of("Dockerfile"), found(dir.resolve("repo"), dir.resolve("repo").toString()));
    }
}
