package io.initguard.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.initguard.core.model.ImagePath;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an image config says about how a container starts (the OCI image config, or Docker's, which has the same
 * fields).
 *
 * @param entrypoint null when the config sets none (an empty list when it sets an empty one)
 * @param cmd        null when the config sets none
 * @param env        {@code NAME=value} entries
 * @param user       null or empty when unset (root)
 * @param workingDir null or empty when unset ({@code /})
 * @param stopSignal null when unset ({@code SIGTERM})
 * @param history    one entry per build step, oldest first
 */
public record ImageConfig(List<String> entrypoint, List<String> cmd, List<String> env, String user,
                          String workingDir, String stopSignal, Map<String, String> labels, String os,
                          String architecture, List<History> history) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The PATH of a config that sets none: Docker's default. */
    public static final List<String> DEFAULT_PATH = ImagePath.DEFAULT_PATH;

    public ImageConfig {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
        history = List.copyOf(history);
    }

    /**
     * One build step of the image.
     *
     * @param createdBy  the command that made it ({@code /bin/sh -c #(nop) COPY file:... in /})
     * @param emptyLayer whether it made no layer (ENV, CMD, ...)
     */
    public record History(String createdBy, boolean emptyLayer) {
    }

    /** Parses a config blob. */
    public static ImageConfig parse(byte[] json, String name) throws ImageException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ImageException(name + ": the image config is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw new ImageException(name + ": the image config is not a JSON object");
        JsonNode c = root.path("config");
        if (c.isMissingNode() || c.isNull()) c = root.path("container_config");
        List<History> history = new ArrayList<>();
        for (JsonNode h : root.path("history")) {
            history.add(new History(text(h.get("created_by")), h.path("empty_layer").asBoolean(false)));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        c.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ImageConfig(strings(c.get("Entrypoint")), strings(c.get("Cmd")),
                strings(c.get("Env")) == null ? List.of() : strings(c.get("Env")), text(c.get("User")),
                text(c.get("WorkingDir")), text(c.get("StopSignal")), labels, text(root.get("os")),
                text(root.get("architecture")), history);
    }

    /** The value of environment variable {@code name}, or null. */
    public String envValue(String name) {
        for (String e : env) {
            if (e.startsWith(name + "=")) return e.substring(name.length() + 1);
        }
        return null;
    }

    /** The folders of PATH, in order; Docker's default when the config sets none. */
    public List<String> path() {
        String p = envValue("PATH");
        if (p == null) return DEFAULT_PATH;
        List<String> dirs = new ArrayList<>();
        for (String d : p.split(":")) if (d.startsWith("/")) dirs.add(d);
        return dirs;
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || n.isNull()) return null;
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode e : n) out.add(e.asText());
        } else {
            out.add(n.asText());
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
