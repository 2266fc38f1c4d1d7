package io.initguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Runs {@link Main#run} in-process and captures what it prints; helpers for writing fixtures. */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A Dockerfile with one error finding (IG101: python is PID 1). */
    static final String NO_INIT = "FROM python:3.12\nCMD [\"python\", \"app.py\"]\n";
    /** A Dockerfile with no finding (tini is PID 1). */
    static final String CLEAN = "FROM python:3.12\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"python\", \"app.py\"]\n";
    /** A Dockerfile whose only finding is a warning (IG109: tini without --). */
    static final String WARNING_ONLY = "FROM debian:12\nENTRYPOINT [\"tini\", \"python\", \"app.py\"]\n";
    /** A Dockerfile whose only finding is info (IG106: unknown base image). */
    static final String INFO_ONLY = "FROM registry.example.com/platform/runtime:1\nCMD [\"python\", \"app.py\"]\n";

    private Cli() {
    }

    /** The exit code and both streams of one run. */
    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /** Writes {@code text} to {@code dir/rel} (creating folders) and returns the file. */
    static Path write(Path dir, String rel, String text) {
        try {
            Path f = dir.resolve(rel);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code file} of every target of a JSON report, in order. */
    static List<String> files(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : report.get("targets")) out.add(t.get("file").asText());
        return out;
    }

    /** The rule IDs of a target's findings, in order. */
    static List<String> ruleIds(JsonNode target) {
        return StreamSupport.stream(target.get("findings").spliterator(), false)
                .map(f -> f.get("ruleId").asText()).toList();
    }
}
