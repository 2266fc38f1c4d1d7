package io.initguard.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Build-time tool: reads the catalogue files (validating them with the same loaders as at run time) and writes a Java
 * class that builds the same entries directly. The shipped CLI then starts without parsing YAML, which costs a
 * short-lived process about a third of its start-up (docs/benchmarks.md). The YAML files stay the source of truth.
 *
 * <p>usage: {@code CatalogJavaWriter INITS_YAML BASE_IMAGES_YAML OUT_DIR PACKAGE CLASS}
 */
public final class CatalogJavaWriter {
    private CatalogJavaWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: CatalogJavaWriter INITS_YAML BASE_IMAGES_YAML OUT_DIR PACKAGE CLASS");
        }
        InitCatalog inits;
        BaseImageCatalog images;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            inits = InitCatalog.load(in, args[0]);
        }
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            images = BaseImageCatalog.load(in, args[1]);
        }
        Path dir = Path.of(args[2]).resolve(args[3].replace('.', '/'));
        Files.createDirectories(dir);
        Path out = dir.resolve(args[4] + ".java");
        String text = source(args[3], args[4], inits.all(), images.all());
        if (Files.exists(out) && Files.readString(out).equals(text)) return;
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(text);
        }
    }

    /** The Java source of a class with {@code static List<InitSpec> inits()} and {@code List<BaseImage> baseImages()}. */
    static String source(String pkg, String cls, List<InitSpec> inits, List<BaseImage> images) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n")
                .append("import io.initguard.core.catalog.BaseImage;\n")
                .append("import io.initguard.core.catalog.InitSpec;\n")
                .append("import io.initguard.core.shell.ShellKind;\n\n")
                .append("import java.util.List;\nimport java.util.Map;\n\n")
                .append("/** Generated at build time by CatalogJavaWriter from inits.yaml and base-images.yaml: do not edit. */\n")
                .append("final class ").append(cls).append(" {\n")
                .append("    private ").append(cls).append("() {\n    }\n\n")
                .append("    static List<InitSpec> inits() {\n        return List.of(");
        for (int i = 0; i < inits.size(); i++) {
            InitSpec s = inits.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("            new InitSpec(").append(str(s.name())).append(", ")
                    .append(list(s.programs())).append(", ").append(list(s.paths())).append(", ")
                    .append(list(s.packages())).append(", ").append(s.doubleDash()).append(", ")
                    .append(s.mustBePid1()).append(", ").append(list(s.optionsWithArg())).append(", ")
                    .append(str(s.description())).append(", ").append(list(s.flags())).append(", ")
                    .append(str(s.source())).append(")");
        }
        sb.append(");\n    }\n\n");
        // One method per entry keeps every method far below the JVM's 64 KB limit.
        sb.append("    static List<BaseImage> baseImages() {\n        return List.of(");
        for (int i = 0; i < images.size(); i++) sb.append(i == 0 ? "\n" : ",\n").append("            image").append(i).append("()");
        sb.append(");\n    }\n");
        for (int i = 0; i < images.size(); i++) {
            BaseImage b = images.get(i);
            sb.append("\n    private static BaseImage image").append(i).append("() {\n        return new BaseImage(")
                    .append(str(b.repository())).append(", ").append(list(b.tags())).append(", ")
                    .append(list(b.entrypoint())).append(", ").append(list(b.cmd())).append(", ShellKind.")
                    .append(b.shell().name()).append(",\n                ").append(map(b.scripts())).append(",\n                ")
                    .append(list(b.inits())).append(", ").append(str(b.source())).append(", ")
                    .append(str(b.checked())).append(");\n    }\n");
        }
        return sb.append("}\n").toString();
    }

    private static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("List.of(");
        for (int i = 0; i < items.size(); i++) sb.append(i == 0 ? "" : ", ").append(str(items.get(i)));
        return sb.append(")").toString();
    }

    private static String map(Map<String, String> m) {
        StringBuilder sb = new StringBuilder("Map.ofEntries(");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(m).entrySet()) {
            sb.append(first ? "" : ", ").append("Map.entry(").append(str(e.getKey())).append(", ")
                    .append(str(e.getValue())).append(")");
            first = false;
        }
        return sb.append(")").toString();
    }

    /** A Java string literal (null for null). */
    static String str(String s) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
