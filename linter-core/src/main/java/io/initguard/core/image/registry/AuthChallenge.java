package io.initguard.core.image.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): {@code Bearer realm="https://auth.example/token",
 * service="registry.example",scope="repository:app:pull"} or {@code Basic realm="Registry"}.
 *
 * @param scheme lower case: {@code bearer}, {@code basic}
 * @param params parameter names in lower case; quoted values unquoted
 */
public record AuthChallenge(String scheme, Map<String, String> params) {
    public AuthChallenge {
        params = Map.copyOf(params);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** All challenges of the given header values, in order; unparseable parts are skipped. */
    public static List<AuthChallenge> parse(List<String> headerValues) {
        List<AuthChallenge> out = new ArrayList<>();
        for (String h : headerValues) out.addAll(parse(h));
        return out;
    }

    /** The challenges of one header value. */
    public static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> out = new ArrayList<>();
        Lexer in = new Lexer(header);
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            in.skip(" \t,");
            if (in.end()) break;
            String token = in.token();
            if (token.isEmpty()) { // garbage: skip one character
                in.pos++;
                continue;
            }
            in.skip(" \t");
            if (in.peek() == '=' && scheme != null) {
                in.pos++;
                if (in.peek() == '=') { // token68 ("abc=="), not a parameter
                    in.skip("=");
                    continue;
                }
                in.skip(" \t");
                String value = in.peek() == '"' ? in.quoted() : in.token();
                params.put(token.toLowerCase(Locale.ROOT), value);
            } else if (in.peek() == '=') {
                in.pos++; // token68 or a parameter before any scheme: ignore
                in.token();
            } else {
                if (scheme != null) out.add(new AuthChallenge(scheme, params));
                scheme = token.toLowerCase(Locale.ROOT);
                params = new LinkedHashMap<>();
            }
        }
        if (scheme != null) out.add(new AuthChallenge(scheme, params));
        return out;
    }

    private static final class Lexer {
        private final String s;
        private int pos;

        Lexer(String s) {
            this.s = s == null ? "" : s;
        }

        boolean end() {
            return pos >= s.length();
        }

        char peek() {
            return end() ? 0 : s.charAt(pos);
        }

        void skip(String chars) {
            while (!end() && chars.indexOf(s.charAt(pos)) >= 0) pos++;
        }

        String token() {
            int start = pos;
            while (!end() && " \t,=\"".indexOf(s.charAt(pos)) < 0) pos++;
            return s.substring(start, pos);
        }

        String quoted() {
            StringBuilder b = new StringBuilder();
            pos++; // opening quote
            while (!end()) {
                char c = s.charAt(pos++);
                if (c == '"') break;
                if (c == '\\' && !end()) c = s.charAt(pos++);
                b.append(c);
            }
            return b.toString();
        }
    }
}
