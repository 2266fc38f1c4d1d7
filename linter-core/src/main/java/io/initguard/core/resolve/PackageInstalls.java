package io.initguard.core.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads which OS packages a RUN instruction installs (apt-get, apk, dnf, yum, zypper, ...), without a shell. */
final class PackageInstalls {
    private PackageInstalls() {
    }

    private static final Set<String> PACKAGE_MANAGERS =
            Set.of("apt-get", "apt", "aptitude", "apk", "dnf", "yum", "microdnf", "zypper", "tdnf");
    private static final Set<String> INSTALL_VERBS = Set.of("install", "add", "in");

    /**
     * The packages a RUN line installs: in each command (split at {@code && || ; | &} and line ends), after a package
     * manager and its install verb ({@code apt-get install}, {@code apk add}, {@code dnf install}), every word that is
     * not an option.
     */
    static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int n = text.length();
        int start = -1;
        for (int k = 0; k <= n; k++) {
            char c = k < n ? text.charAt(k) : '\n';
            boolean separator = c == ';' || c == '&' || c == '|' || c == '\n';
            boolean blank = c == ' ' || c == '\t' || c == '\r' || c == '\\';
            if (separator || blank) {
                if (start >= 0) words.add(text.substring(start, k));
                start = -1;
                if (separator) {
                    packagesOf(words, out);
                    words.clear();
                }
            } else if (start < 0) {
                start = k;
            }
        }
        return out;
    }

    private static void packagesOf(List<String> command, List<String> out) {
        int k = 0;
        while (k < command.size() && !PACKAGE_MANAGERS.contains(ProcessResolver.baseName(command.get(k)))) k++;
        while (k < command.size() && !INSTALL_VERBS.contains(command.get(k))) k++;
        for (k++; k < command.size(); k++) {
            String w = command.get(k);
            if (!w.startsWith("-") && !w.startsWith("$")) out.add(packageName(w));
        }
    }

    /** {@code tini=0.19.0-1} or {@code tini>=0.19} -> {@code tini}. */
    private static String packageName(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c == '=' || c == '<' || c == '>') return word.substring(0, k);
        }
        return word;
    }
}
