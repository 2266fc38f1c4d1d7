package io.initguard.core.model;

import java.util.List;

/**
 * How PID 1 comes about for one target, hop by hop, and what it is.
 *
 * @param hops    one entry per step, from where the command comes from (base image, ENTRYPOINT, CMD) to PID 1
 * @param verdict whether PID 1 is a proper init
 * @param init    the catalogue name of the init that is PID 1; null unless the verdict is {@link Verdict#INIT}
 * @param pid1    the base name of the program PID 1 executes, as the command names it; null when unknown
 */
public record Pid1Chain(List<Hop> hops, Verdict verdict, String init, String pid1) {
    public Pid1Chain {
        hops = List.copyOf(hops);
        if (verdict != Verdict.INIT && init != null) {
            throw new IllegalArgumentException("init is named only for the verdict init");
        }
    }

    /** One step of the chain: a line of text for people, and where it comes from (may be null). */
    public record Hop(String text, Location location) {
        @Override
        public String toString() {
            return location == null ? text : text + " (" + location + ")";
        }
    }

    public List<String> lines() {
        return hops.stream().map(Hop::toString).toList();
    }

    /** The lines as a report about {@code file} shows them: a hop in that file says only {@code (line N)}. */
    public List<String> lines(String file) {
        return hops.stream().map(h -> h.location() == null || !h.location().file().equals(file) ? h.toString()
                : h.location().line() > 0 ? h.text() + " (line " + h.location().line() + ")" : h.text()).toList();
    }
}
