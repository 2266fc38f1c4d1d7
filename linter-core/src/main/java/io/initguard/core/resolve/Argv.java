package io.initguard.core.resolve;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line as the kernel will see it, where the tail may be unknown (a CMD that comes from an image the
 * catalogue does not know).
 *
 * @param words       the known words
 * @param unknownTail more words follow that are not known
 */
public record Argv(List<String> words, boolean unknownTail) {
    public Argv {
        words = List.copyOf(words);
    }

    public static Argv of(List<String> words) {
        return new Argv(words, false);
    }

    public boolean isEmpty() {
        return words.isEmpty() && !unknownTail;
    }

    public String program() {
        return words.isEmpty() ? null : words.getFirst();
    }

    public Argv tail(int from) {
        return new Argv(words.subList(Math.min(from, words.size()), words.size()), unknownTail);
    }

    public Argv concat(Argv more) {
        List<String> all = new ArrayList<>(words);
        if (unknownTail) return new Argv(all, true);
        all.addAll(more.words);
        return new Argv(all, more.unknownTail);
    }

    /** The command line for people: JSON-like, with {@code …} for an unknown tail. */
    public String display() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append('"').append(words.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        if (unknownTail) sb.append(words.isEmpty() ? "…" : ", …");
        return sb.append(']').toString();
    }
}
