package io.initguard.core.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Dockerfile.
 *
 * @param file         the path as it will be reported
 * @param directives   parser directives ({@code # syntax=}, {@code # escape=}, {@code # check=}) from the top of the file
 * @param escape       the escape character in force ({@code \} or {@code `})
 * @param instructions every top-level instruction in file order (ONBUILD triggers are inside their ONBUILD)
 * @param comments     every comment line (not directives), in file order, including those inside continuations
 */
public record Dockerfile(String file, List<ParserDirective> directives, char escape, List<Instruction> instructions,
                         List<Comment> comments) {

    public Dockerfile {
        directives = List.copyOf(directives);
        instructions = List.copyOf(instructions);
        comments = List.copyOf(comments);
    }

    /** ARG instructions before the first FROM: they may be used in FROM lines. */
    public List<Instruction> globalArgs() {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.is("FROM")) break;
            if (i.is("ARG")) out.add(i);
        }
        return out;
    }

    /** The build stages, in order, each with the instructions after its FROM. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        Instruction from = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.is("FROM")) {
                if (from != null) stages.add(Stage.of(stages.size(), from, body));
                from = i;
                body = new ArrayList<>();
            } else if (from != null) {
                body.add(i);
            }
        }
        if (from != null) stages.add(Stage.of(stages.size(), from, body));
        return stages;
    }

    public Optional<ParserDirective> directive(String name) {
        return directives.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }
}
