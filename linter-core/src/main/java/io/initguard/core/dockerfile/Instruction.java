package io.initguard.core.dockerfile;

import io.initguard.core.model.Location;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One instruction, with every part kept.
 *
 * @param keyword     upper-case instruction name ({@code FROM}, {@code RUN}, ...); unknown keywords are kept as written,
 *                    upper-cased
 * @param flags       the leading {@code --name[=value]} flags
 * @param text        the arguments after the flags, continuation lines joined (escape + newline removed), comment lines
 *                    inside the continuation dropped, heredoc bodies not included; trimmed
 * @param form        exec form when {@code text} is a valid JSON array of strings, else shell form
 * @param execArgs    the JSON array's strings in exec form; empty in shell form
 * @param invalidJson {@code text} starts with {@code [} but is not a valid JSON array of strings, so Docker runs it in
 *                    shell form
 * @param heredocs    here-documents in the order their delimiters appear
 * @param trigger     for ONBUILD, the instruction it registers; else null
 * @param location    the line and column of the keyword
 * @param endLine     the last line the instruction spans (heredoc bodies included)
 */
public record Instruction(String keyword, List<Flag> flags, String text, Form form, List<String> execArgs,
                          boolean invalidJson, List<Heredoc> heredocs, Instruction trigger, Location location,
                          int endLine) {

    public Instruction {
        keyword = keyword.toUpperCase(Locale.ROOT);
        flags = List.copyOf(flags);
        execArgs = List.copyOf(execArgs);
        heredocs = List.copyOf(heredocs);
    }

    public boolean is(String kw) {
        return keyword.equals(kw);
    }

    public int line() {
        return location.line();
    }

    public Optional<Flag> flag(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
