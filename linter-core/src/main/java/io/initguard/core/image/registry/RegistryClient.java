package io.initguard.core.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.initguard.core.catalog.ImageRef;
import io.initguard.core.image.ImageException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of the OCI distribution API, on {@link java.net.http.HttpClient}: GETs of manifests and blobs with
 * anonymous, Basic or Bearer-token auth, timeouts, redirects and the registry's own error messages. One client can
 * serve many images; it remembers per registry whether it speaks plain HTTP, which auth challenge it gave, the
 * credentials found for it and the tokens it issued (per scope, until {@code expires_in}).
 *
 * <p>Docker Hub ({@code docker.io}) is reached at {@code registry-1.docker.io}. With {@code tlsVerify} a registry is
 * only spoken to over HTTPS, {@code localhost} included; without it, any certificate is accepted and a registry
 * whose HTTPS attempt fails (not by timeout) is tried once over plain HTTP, which is then remembered.
 */
public final class RegistryClient implements AutoCloseable {
    /** How long the first HTTPS try may take when TLS is not verified (then plain HTTP is tried). */
    private static final Duration HTTPS_PROBE = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;
    private static final long DEFAULT_TOKEN_SECONDS = 60;

    private final RegistryOptions options;
    private final HttpClient http;
    private final DockerCredentialStore store;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final Map<String, String> schemes = new ConcurrentHashMap<>();
    private final Map<String, AuthChallenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Optional<RegistryCredentials>> credentials = new ConcurrentHashMap<>();
    private final Map<TokenKey, Token> tokens = new ConcurrentHashMap<>();

    /** @throws ImageException when the CA file cannot be read */
    public RegistryClient(RegistryOptions options) throws ImageException {
        this(options, Clock.systemUTC());
    }

    RegistryClient(RegistryOptions options, Clock clock) throws ImageException {
        this.options = options;
        this.clock = clock;
        this.store = new DockerCredentialStore(options.dockerConfig(), options.helperPath(), options.requestTimeout());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, without Authorization to other hosts
                .sslContext(RegistryTls.context(options))
                .build();
    }

    public RegistryOptions options() {
        return options;
    }

    /** HTTP requests answered so far (registry and token service, redirects included; a failed TLS attempt is not). */
    public long requestCount() {
        return requests.get();
    }

    /** Of {@link #requestCount()}, the requests to token services. */
    public long tokenRequestCount() {
        return tokenRequests.get();
    }

    @Override
    public void close() {
        http.close();
    }

    /** The host the API of a registry is served on ({@code docker.io} is served by {@code registry-1.docker.io}). */
    public static String apiHost(String registry) {
        return registry.equals(ImageRef.DOCKER_HUB) ? "registry-1.docker.io" : registry;
    }

    /** One image's requests: who they are for in messages, and where they are counted. */
    record Target(ImageRef ref, String name, AtomicLong meter) {
    }

    /** What is fetched, for messages: {@code manifest unknown}, {@code blob unknown}. */
    enum Kind {
        MANIFEST, BLOB
    }

    /** A whole response body. */
    record Body(byte[] bytes, HttpHeaders headers) {
    }

    /**
     * GETs {@code /v2/<path>/<suffix>} (suffix {@code manifests/<ref>} or {@code blobs/<digest>}) in full, refusing
     * bodies over {@code maxBytes}.
     */
    Body get(Target target, Kind kind, String suffix, String accept, int maxBytes) throws ImageException {
        HttpResponse<InputStream> r = exchange(target, kind, suffix, accept);
        try (InputStream in = r.body()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ImageException(target.name() + ": the " + (kind == Kind.MANIFEST ? "manifest" : "blob")
                        + " at " + r.uri() + " is larger than " + maxBytes / (1024 * 1024) + " MiB");
            }
            return new Body(bytes, r.headers());
        } catch (IOException e) {
            throw failure(target, r.uri(), e);
        }
    }

    /** GETs {@code /v2/<path>/<suffix>} as a stream (every read under the request timeout). */
    InputStream open(Target target, Kind kind, String suffix) throws ImageException {
        return exchange(target, kind, suffix, null).body();
    }

    private HttpResponse<InputStream> exchange(Target target, Kind kind, String suffix, String accept)
            throws ImageException {
        String registry = target.ref().registry();
        String scope = "repository:" + target.ref().path() + ":pull";
        String authorization = authorizationFor(target, registry, scope);
        boolean freshAuth = false;
        for (int round = 0; ; round++) {
            HttpResponse<InputStream> r = send(target, registry, "/v2/" + target.ref().path() + "/" + suffix, accept,
                    authorization);
            int status = r.statusCode();
            if (status / 100 == 2) return r;
            byte[] errorBody = drain(r);
            if (status == 401 && round == 0) {
                List<AuthChallenge> found = AuthChallenge.parse(r.headers().allValues("WWW-Authenticate"));
                String retry = authorize(target, registry, scope, found, errorBody);
                if (retry != null && !retry.equals(authorization)) {
                    authorization = retry;
                    freshAuth = true;
                    continue;
                }
            }
            RegistryCredentials creds = status == 401 ? credentials(registry) : null;
            throw httpError(target, kind, status, errorBody, freshAuth || authorization != null, creds);
        }
    }

    /** The Authorization to send before any 401, from what this registry asked for earlier (null for none). */
    private String authorizationFor(Target target, String registry, String scope) throws ImageException {
        AuthChallenge c = challenges.get(registry);
        if (c == null) return null;
        if (c.scheme().equals("basic")) {
            RegistryCredentials creds = credentials(registry);
            return creds == null ? null : basic(creds);
        }
        Token t = tokens.get(new TokenKey(c.param("realm"), c.param("service"), scope));
        if (t != null && t.expires().isAfter(clock.instant())) return "Bearer " + t.value();
        return "Bearer " + fetchToken(target, registry, c, scope);
    }

    /** Answers a 401: the Authorization to retry with, or null when there is nothing to retry with. */
    private String authorize(Target target, String registry, String scope, List<AuthChallenge> found,
                             byte[] errorBody) throws ImageException {
        AuthChallenge bearer = found.stream().filter(c -> c.scheme().equals("bearer") && c.param("realm") != null)
                .findFirst().orElse(null);
        if (bearer != null) {
            challenges.put(registry, bearer);
            String challengeScope = bearer.param("scope") != null ? bearer.param("scope") : scope;
            TokenKey key = new TokenKey(bearer.param("realm"), bearer.param("service"), scope);
            tokens.remove(key);
            return "Bearer " + fetchToken(target, registry, bearer, challengeScope, key);
        }
        AuthChallenge basic = found.stream().filter(c -> c.scheme().equals("basic")).findFirst().orElse(null);
        if (basic != null) {
            challenges.put(registry, basic);
            RegistryCredentials creds = credentials(registry);
            if (creds == null) {
                throw new ImageException(target.name() + ": the registry requires credentials and none were found"
                        + " (--creds, or docker login) " + detail(401, errorBody));
            }
            return basic(creds);
        }
        return null;
    }

    private String fetchToken(Target target, String registry, AuthChallenge c, String scope) throws ImageException {
        return fetchToken(target, registry, c, scope, new TokenKey(c.param("realm"), c.param("service"), scope));
    }

    /** Asks the token service of a Bearer challenge for a token for {@code scope}, and caches it under key. */
    private String fetchToken(Target target, String registry, AuthChallenge c, String scope, TokenKey key)
            throws ImageException {
        RegistryCredentials creds = credentials(registry);
        String realm = c.param("realm");
        StringBuilder query = new StringBuilder();
        if (c.param("service") != null) query.append("service=").append(enc(c.param("service")));
        if (!scope.isEmpty()) query.append(query.isEmpty() ? "" : "&").append("scope=").append(enc(scope));
        URI uri;
        HttpRequest.Builder b;
        try {
            if (creds != null && creds.identityToken()) {
                // OAuth2 refresh-token grant, as the Docker CLI does with an identity token
                String form = query + (query.isEmpty() ? "" : "&") + "grant_type=refresh_token&client_id=initguard"
                        + "&refresh_token=" + enc(creds.secret());
                uri = URI.create(realm);
                b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(form))
                        .header("Content-Type", "application/x-www-form-urlencoded");
            } else {
                uri = URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query));
                b = HttpRequest.newBuilder(uri).GET();
                if (creds != null) b.header("Authorization", basic(creds));
            }
        } catch (IllegalArgumentException e) {
            throw new ImageException(target.name() + ": the registry's token realm is not a URL: " + realm);
        }
        HttpRequest request = b.timeout(options.requestTimeout()).build();
        HttpResponse<byte[]> r;
        try {
            r = sendFully(request);
        } catch (IOException e) {
            throw failure(target, uri, e);
        }
        count(target);
        tokenRequests.incrementAndGet();
        if (r.statusCode() != 200) {
            String who = creds == null ? "without credentials (--creds, or docker login)"
                    : "for user '" + creds.username() + "' from " + creds.origin();
            throw new ImageException(target.name() + ": the token service " + realm + " refused a token " + who
                    + " " + detail(r.statusCode(), r.body()));
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        String token = json == null ? "" : json.path("token").asText(json.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new ImageException(target.name() + ": the token service " + realm + " answered without a token");
        }
        long seconds = json.path("expires_in").asLong(0);
        if (seconds <= 0) seconds = DEFAULT_TOKEN_SECONDS;
        // expiry by this machine's clock from when the token arrived: issued_at would tie it to the issuer's clock
        Instant issued = clock.instant();
        tokens.put(key, new Token(token, issued.plusSeconds(seconds)));
        return token;
    }

    /** The credentials for a registry: the explicit ones, else those in Docker's config (looked up once). */
    private RegistryCredentials credentials(String registry) throws ImageException {
        if (options.credentials() != null) return options.credentials();
        Optional<RegistryCredentials> known = credentials.get(registry);
        if (known == null) {
            known = Optional.ofNullable(store.lookup(registry));
            credentials.put(registry, known);
        }
        return known.orElse(null);
    }

    /** Sends a GET to the registry (following redirects) and returns the response with its body unread. */
    private HttpResponse<InputStream> send(Target target, String registry, String path, String accept,
                                           String authorization) throws ImageException {
        String host = apiHost(registry);
        String known = schemes.get(registry);
        String scheme = known != null ? known : "https";
        URI uri = URI.create(scheme + "://" + host + path);
        // Without TLS verification a registry may speak plain HTTP. Such a server can sit on a TLS hello waiting for a
        // newline, so the first HTTPS try is given a short time; silence then means "try HTTP" too.
        boolean probing = !options.tlsVerify() && known == null;
        Duration timeout = probing && options.requestTimeout().compareTo(HTTPS_PROBE) > 0 ? HTTPS_PROBE
                : options.requestTimeout();
        try {
            HttpResponse<InputStream> r = follow(target, uri, accept, authorization, timeout);
            schemes.putIfAbsent(registry, scheme);
            return r;
        } catch (IOException e) {
            if (!probing) throw failure(target, uri, e);
            URI plain = URI.create("http://" + host + path);
            try {
                HttpResponse<InputStream> r = follow(target, plain, accept, authorization, options.requestTimeout());
                schemes.put(registry, "http");
                return r;
            } catch (IOException e2) {
                throw failure(target, plain, e2);
            }
        }
    }

    private HttpResponse<InputStream> follow(Target target, URI uri, String accept, String authorization,
                                             Duration timeout) throws IOException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current).GET().timeout(timeout);
            if (accept != null) b.header("Accept", accept);
            if (authorization != null && sameOrigin(uri, current)) b.header("Authorization", authorization);
            HttpResponse<InputStream> r = sendStreaming(b.build(), timeout);
            count(target);
            int s = r.statusCode();
            Optional<String> location = r.headers().firstValue("Location");
            if ((s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && location.isPresent()
                    && hop < MAX_REDIRECTS) {
                drain(r);
                current = current.resolve(location.get());
                continue;
            }
            return r;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    /** Sends and waits for the headers at most the request timeout; the body then reads under a per-read timeout. */
    private HttpResponse<InputStream> sendStreaming(HttpRequest request, Duration timeout) throws IOException {
        HttpResponse<InputStream> r = await(http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()), timeout);
        InputStream timed = new TimedInputStream(r.body(), options.requestTimeout(), request.uri().toString());
        return new StreamResponse(r, timed);
    }

    /** Sends and reads the whole response within the request timeout. */
    private HttpResponse<byte[]> sendFully(HttpRequest request) throws IOException {
        return await(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()), options.requestTimeout());
    }

    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> future, Duration timeout)
            throws IOException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no answer within " + seconds(timeout.toMillis()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            throw new IOException(cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private void count(Target target) {
        requests.incrementAndGet();
        if (target != null) target.meter().incrementAndGet();
    }

    /** Reads a small error body (at most 64 KiB) and closes the response. */
    private static byte[] drain(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private ImageException httpError(Target target, Kind kind, int status, byte[] body, boolean authSent,
                                     RegistryCredentials creds) {
        String what = switch (status) {
            case 401 -> creds != null ? "authentication failed for user '" + creds.username() + "' from "
                    + creds.origin()
                    : authSent ? "access denied"
                    : "the registry requires credentials and none were found (--creds, or docker login)";
            case 403 -> "access denied";
            case 404 -> kind == Kind.MANIFEST ? "manifest unknown" : "blob unknown";
            case 429 -> "too many requests";
            default -> status >= 500 ? "registry error" : "unexpected answer";
        };
        return new ImageException(target.name() + ": " + what + " " + detail(status, body));
    }

    /** {@code (404 MANIFEST_UNKNOWN: manifest unknown)}: the status and the registry's own first error. */
    static String detail(int status, byte[] body) {
        String message = registryMessage(body);
        return "(" + status + (message.isEmpty() ? "" : " " + message) + ")";
    }

    /** {@code CODE: message} of the first entry of an OCI error body; else the first line of a text body. */
    static String registryMessage(byte[] body) {
        if (body == null || body.length == 0) return "";
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode first = root == null ? null : root.path("errors").path(0);
            if (first != null && first.isObject()) {
                String code = first.path("code").asText("");
                String msg = first.path("message").asText("");
                return oneLine(code.isEmpty() ? msg : msg.isEmpty() ? code : code + ": " + msg);
            }
            if (root != null && root.path("details").isTextual()) return oneLine(root.path("details").asText());
            if (root != null && root.path("error").isTextual()) return oneLine(root.path("error").asText());
        } catch (IOException notJson) {
            // a text body
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("<")) return ""; // an HTML page says nothing useful in one line
        return oneLine(text.lines().findFirst().orElse(""));
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** A transport failure as one line naming the image and the URL's host. */
    ImageException failure(Target target, URI uri, IOException e) {
        String where = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            // the JDK counts a TLS handshake as part of connecting
            why = "cannot connect to " + where + " within " + seconds(options.connectTimeout().toMillis()) + " ("
                    + uri.getScheme() + (uri.getScheme().equals("https") ? ", TCP and TLS handshake" : "") + ")";
        } else if (e instanceof HttpTimeoutException) {
            why = "no answer from " + where + " within " + seconds(options.requestTimeout().toMillis())
                    + " (" + uri.getScheme() + ")";
        } else if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            why = "unknown host " + uri.getHost();
        } else if (e instanceof ConnectException) {
            why = "cannot connect to " + where + " (" + uri.getScheme() + "): connection refused";
        } else if (e instanceof SSLException || e.getCause() instanceof SSLException) {
            SSLException ssl = e instanceof SSLException s ? s : (SSLException) e.getCause();
            why = "TLS with " + where + " failed: " + rootMessage(ssl)
                    + " (give the registry's CA file, or turn TLS verification off)";
        } else {
            why = "cannot read from " + where + ": " + rootMessage(e);
        }
        return new ImageException(target.name() + ": " + oneLine(why), e);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        String m = c.getMessage() != null ? c.getMessage() : t.getMessage();
        return m != null ? m : c.getClass().getSimpleName();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    private static String basic(RegistryCredentials c) {
        return "Basic " + Base64.getEncoder().encodeToString((c.username() + ":" + c.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record TokenKey(String realm, String service, String scope) {
    }

    private record Token(String value, Instant expires) {
    }

    /** A response whose body is replaced by a timed wrapper. */
    private record StreamResponse(HttpResponse<InputStream> r, InputStream body) implements HttpResponse<InputStream> {
        @Override
        public int statusCode() {
            return r.statusCode();
        }

        @Override
        public HttpRequest request() {
            return r.request();
        }

        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return r.previousResponse();
        }

        @Override
        public HttpHeaders headers() {
            return r.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return r.sslSession();
        }

        @Override
        public URI uri() {
            return r.uri();
        }

        @Override
        public HttpClient.Version version() {
            return r.version();
        }
    }
}
