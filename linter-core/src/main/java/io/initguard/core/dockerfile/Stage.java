package io.initguard.core.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * A build stage: its FROM and the instructions after it.
 *
 * @param index    0-based position among the stages
 * @param name     the {@code AS} name, lower-cased as BuildKit compares it; null when unnamed
 * @param base     the image or stage named in FROM, as written (variables not expanded)
 * @param platform the {@code --platform} value, or null
 */
public record Stage(int index, String name, String base, String platform, Instruction from, List<Instruction> body) {

    public Stage {
        body = List.copyOf(body);
    }

    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

    static Stage of(int index, Instruction from, List<Instruction> body) {
        String[] words = WHITE_SPACE.split(from.text().trim());
        String base = words.length > 0 ? words[0] : "";
        String name = null;
        if (words.length >= 3 && words[1].equalsIgnoreCase("as")) name = words[2].toLowerCase(Locale.ROOT);
        String platform = from.flag("platform").map(Flag::value).orElse(null);
        return new Stage(index, name, base, platform, from, body);
    }

    /**
     * The stage that {@code FROM}, {@code COPY --from} or {@code --target} names: by AS name (case-insensitive) or by
     * index, among the stages before {@code before}.
     */
    public static java.util.Optional<Stage> find(List<Stage> stages, String nameOrIndex, int before) {
        int limit = Math.min(before, stages.size());
        String lower = nameOrIndex.toLowerCase(Locale.ROOT);
        for (Stage st : stages.subList(0, limit)) {
            if (lower.equals(st.name())) return java.util.Optional.of(st);
        }
        if (!nameOrIndex.isEmpty() && nameOrIndex.length() < 6 && nameOrIndex.chars().allMatch(Character::isDigit)) {
            int idx = Integer.parseInt(nameOrIndex);
            if (idx < limit) return java.util.Optional.of(stages.get(idx));
        }
        return java.util.Optional.empty();
    }

    /** The name reports use: the AS name, or the index. */
    public String displayName() {
        return name != null ? name : Integer.toString(index);
    }
}
