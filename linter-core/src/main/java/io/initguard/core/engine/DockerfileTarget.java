package io.initguard.core.engine;

import io.initguard.core.dockerfile.Comment;
import io.initguard.core.dockerfile.Dockerfile;
import io.initguard.core.dockerfile.Instruction;
import io.initguard.core.dockerfile.Stage;
import io.initguard.core.model.Location;
import io.initguard.core.resolve.Resolution;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target stage of a Dockerfile, resolved, with the file's {@code # initguard ignore=} comments read once.
 */
public record DockerfileTarget(String file, Dockerfile dockerfile, Stage stage, Resolution resolution,
                               Ignores ignores) implements LintTarget {

    public DockerfileTarget(String file, Dockerfile dockerfile, Stage stage, Resolution resolution) {
        this(file, dockerfile, stage, resolution, Ignores.of(dockerfile));
    }

    private static final Pattern IGNORE = Pattern.compile(
            "^initguard\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\s]+)$", Pattern.CASE_INSENSITIVE);

    @Override
    public String kind() {
        return "dockerfile";
    }

    @Override
    public String name() {
        return stage.displayName();
    }

    /**
     * Where a finding about the target as a whole goes: the target stage's ENTRYPOINT line, else its CMD line, else
     * its FROM line.
     */
    public Location pid1Location() {
        Instruction last = null;
        for (String kw : List.of("ENTRYPOINT", "CMD")) {
            for (Instruction i : stage.body()) if (i.is(kw)) last = i;
            if (last != null) return last.location();
        }
        return stage.from().location();
    }

    @Override
    public boolean suppressed(String ruleId, int line) {
        String id = ruleId.toUpperCase(Locale.ROOT);
        if (ignores.global.contains(id)) return true;
        Set<String> here = ignores.before.getOrDefault(line, Set.of());
        Set<String> atFrom = ignores.before.getOrDefault(stage.from().line(), Set.of());
        return here.contains(id) || atFrom.contains(id);
    }

    /** The ignore comments of one file: global ones, and per instruction line those in the comments just above it. */
    public record Ignores(Set<String> global, Map<Integer, Set<String>> before) {
        public static Ignores of(Dockerfile df) {
            Map<Integer, Comment> byLine = new HashMap<>();
            for (Comment c : df.comments()) byLine.put(c.line(), c);
            Set<String> global = new HashSet<>();
            for (Comment c : df.comments()) {
                Matcher m = IGNORE.matcher(c.text().trim());
                if (m.matches() && m.group(1) != null) global.addAll(ids(m.group(2)));
            }
            Map<Integer, Set<String>> before = new HashMap<>();
            for (Instruction i : df.instructions()) {
                Set<String> ids = new HashSet<>();
                for (int l = i.line() - 1; byLine.containsKey(l); l--) {
                    Matcher m = IGNORE.matcher(byLine.get(l).text().trim());
                    if (m.matches() && m.group(1) == null) ids.addAll(ids(m.group(2)));
                }
                if (!ids.isEmpty()) before.put(i.line(), ids);
            }
            return new Ignores(Set.copyOf(global), Map.copyOf(before));
        }

        private static List<String> ids(String list) {
            return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank())
                    .map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        }
    }
}
