package io.luxaris.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.channels.mastodon.internal.Classifier;
import io.luxaris.channels.mastodon.internal.InstanceUrl;
import io.luxaris.channels.mastodon.internal.Instances;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.OAuthBuilder;
import io.luxaris.http.internal.OAuthFlow;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TokenEndpoint;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.security.Redaction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Connecting a Mastodon account, for the host's "connect your Mastodon account" screen. Mastodon has one OAuth app
 * per instance: register it once per instance ({@code POST /api/v1/apps}) and keep its client id and secret, then
 * run the authorization-code flow with PKCE (S256) for each account:
 *
 * <pre>{@code
 * MastodonOAuth oauth = MastodonOAuth.builder("mastodon.social").build();
 * MastodonOAuth.App app = oauth.registerApp("My product", List.of(callback), MastodonOAuth.DEFAULT_SCOPES,
 *         Optional.of(URI.create("https://app.example")));                    // once per instance; store it
 * MastodonOAuth.AuthorizationRequest auth = oauth.authorizationRequest(app, callback);  // keep state + verifier
 * // redirect the browser to auth.url(); the instance redirects back with ?code=...&state=...
 * if (!auth.stateMatches(returnedState)) throw ...;
 * MastodonOAuth.Tokens tokens = oauth.exchange(app, returnedCode, auth.codeVerifier(), callback);
 * MastodonOAuth.Account me = oauth.account(tokens.accessToken());
 * luxaris.channels().connect(principal, ConnectionRequest.of("mastodon", me.handle(), tokens.toCredentials())
 *         .withProperties(me.toConnectionProperties(oauth.instance())));   // with the instance's limits
 * }</pre>
 *
 * Mastodon tokens do not expire and there is no refresh token; a token stops working only when the user or the app
 * revokes it ({@link #revoke}). PKCE arrived with Mastodon 4.3 (older instances ignore it); the {@code profile} scope
 * too: use {@link #recommendedScopes(MastodonInstance)} for an instance of unknown age. Thread-safe; close it to
 * release its own HTTP client (a shared one passed in is left alone).
 */
public final class MastodonOAuth implements AutoCloseable {
    /** Post statuses, upload media, read the own account (4.3+). */
    public static final List<String> DEFAULT_SCOPES = List.of("write:statuses", "write:media", "profile");
    /** The same for instances before 4.3, which do not know {@code profile}. */
    public static final List<String> LEGACY_SCOPES = List.of("write:statuses", "write:media", "read:accounts");

    private static final MediaType JSON = PlatformHttp.JSON;

    private final HttpUrl instance;
    private final PlatformHttp http;
    private final Clock clock;

    private MastodonOAuth(Builder b, HttpUrl instance) {
        this.instance = instance;
        this.clock = b.common.clock();
        this.http = b.common.platformHttp("Mastodon");
    }

    /** The flows of one instance ({@code https://mastodon.social}, or just {@code mastodon.social}). */
    public static Builder builder(String instanceUrl) {
        return new Builder(instanceUrl);
    }

    /** The instance's URL, as stored in the connection property {@link MastodonChannel#PROPERTY_INSTANCE_URL}. */
    public String instanceUrl() {
        return InstanceUrl.text(instance);
    }

    /**
     * What the instance accepts ({@code GET /api/v2/instance}, {@code /api/v1/instance} before 4.0).
     *
     * @throws MastodonException when the instance cannot be read
     */
    public MastodonInstance instance() {
        HttpResult v2 = send(get("api/v2/instance"), "reading the instance");
        if (v2.isSuccessful()) {
            Optional<MastodonInstance> parsed = Instances.parse(v2.json());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        if (v2.isSuccessful() || v2.status() == 404 || v2.status() == 410) {
            HttpResult v1 = send(get("api/v1/instance"), "reading the instance");
            if (v1.isSuccessful()) {
                return Instances.parseV1(v1.json());
            }
            throw refused("reading the instance", v1, List.of());
        }
        throw refused("reading the instance", v2, List.of());
    }

    /** {@link #DEFAULT_SCOPES} for an instance that reports its API version (4.3+), else {@link #LEGACY_SCOPES}. */
    public static List<String> recommendedScopes(MastodonInstance instance) {
        return instance.apiVersion().isPresent() ? DEFAULT_SCOPES : LEGACY_SCOPES;
    }

    /**
     * Registers the host's app on the instance ({@code POST /api/v1/apps}); keep what it returns (per instance) for
     * every later authorization. Before 4.3 an app nobody authorized may be removed again after a while.
     *
     * @throws MastodonException when the instance refuses (an unknown scope, a bad redirect URI) or cannot be reached
     */
    public App registerApp(String clientName, List<URI> redirectUris, List<String> scopes, Optional<URI> website) {
        Objects.requireNonNull(clientName, "clientName");
        if (clientName.isBlank()) {
            throw new IllegalArgumentException("clientName must not be blank");
        }
        List<URI> uris = redirectUris(redirectUris);
        requireScopes(scopes);
        Objects.requireNonNull(website, "website");
        ObjectNode body = Json.object().put("client_name", clientName);
        if (uris.size() == 1) {
            // a string is understood by every version; arrays only since 4.3
            body.put("redirect_uris", uris.get(0).toString());
        } else {
            var array = body.putArray("redirect_uris");
            uris.forEach(u -> array.add(u.toString()));
        }
        body.put("scopes", String.join(" ", scopes));
        website.ifPresent(w -> body.put("website", w.toString()));
        Request request = new Request.Builder()
                .url(url("api/v1/apps"))
                .header("Accept", "application/json")
                .post(RequestBody.create(Json.write(body), JSON))
                .build();
        HttpResult result = send(request, "registering the app");
        JsonNode json = result.json();
        Optional<String> clientId = Json.text(json, "/client_id");
        Optional<String> clientSecret = Json.text(json, "/client_secret");
        if (!result.isSuccessful() || clientId.isEmpty() || clientSecret.isEmpty()) {
            throw refused(
                    "registering the app", result, clientSecret.map(List::of).orElse(List.of()));
        }
        var granted = new ArrayList<String>();
        JsonNode returned = json.path("scopes");
        if (returned.isArray()) {
            returned.forEach(s -> granted.add(s.asText()));
        }
        return new App(clientId.get(), clientSecret.get(), uris, granted.isEmpty() ? scopes : granted);
    }

    /** A new authorization request with a random {@code state} and a random PKCE code verifier (S256). */
    public AuthorizationRequest authorizationRequest(App app, URI redirectUri) {
        return authorizationRequest(app, redirectUri, OAuthFlow.newState(), newCodeVerifier());
    }

    /**
     * The authorization request for {@code redirectUri} (one of the app's) with the given {@code state} and code
     * verifier, asking for the app's scopes.
     */
    public AuthorizationRequest authorizationRequest(App app, URI redirectUri, String state, String codeVerifier) {
        Objects.requireNonNull(app, "app");
        requireRegistered(app, redirectUri);
        Objects.requireNonNull(state, "state");
        if (state.isEmpty() || state.length() > 500) {
            throw new IllegalArgumentException("state must have 1..500 characters but has " + state.length());
        }
        OAuthFlow.requireVerifier(codeVerifier);
        HttpUrl url = instance.newBuilder()
                .addPathSegments("oauth/authorize")
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", app.clientId())
                .addQueryParameter("redirect_uri", redirectUri.toString())
                .addQueryParameter("scope", String.join(" ", app.scopes()))
                .addQueryParameter("state", state)
                .addQueryParameter("code_challenge", codeChallenge(codeVerifier))
                .addQueryParameter("code_challenge_method", "S256")
                .build();
        return new AuthorizationRequest(url.uri(), state, codeVerifier);
    }

    /**
     * Exchanges the code the instance sent to the callback for the account's token ({@code POST /oauth/token}).
     *
     * @throws MastodonException when the instance refuses the code ({@code invalid_grant}), the client ({@code
     *     invalid_client}) or a scope ({@code invalid_scope}), or cannot be reached
     */
    public Tokens exchange(App app, String code, String codeVerifier, URI redirectUri) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        OAuthFlow.requireVerifier(codeVerifier);
        requireRegistered(app, redirectUri);
        var fields = new LinkedHashMap<String, String>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("client_id", app.clientId());
        fields.put("client_secret", app.clientSecret());
        fields.put("redirect_uri", redirectUri.toString());
        fields.put("code_verifier", codeVerifier);
        HttpResult result = send(
                TokenEndpoint.request(url("oauth/token"), fields, Optional.empty()),
                "exchanging the authorization code",
                true);
        Optional<TokenEndpoint.Answer> answer = TokenEndpoint.answer(result);
        if (answer.isEmpty()) {
            throw refused("exchanging the authorization code", result, List.of(app.clientSecret(), code));
        }
        var granted = new LinkedHashSet<String>();
        answer.get()
                .scope()
                .ifPresent(s -> granted.addAll(Arrays.asList(s.trim().split("\\s+"))));
        Optional<Instant> created = Json.number(result.json(), "/created_at").map(Instant::ofEpochSecond);
        return new Tokens(answer.get().accessToken(), granted, created.or(() -> Optional.of(clock.instant())));
    }

    /**
     * The account the token belongs to ({@code GET /api/v1/accounts/verify_credentials}), for the connection's
     * display name and properties.
     *
     * @throws MastodonException when the instance refuses the token or cannot be reached
     */
    public Account account(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        Request request = new Request.Builder()
                .url(url("api/v1/accounts/verify_credentials"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .get()
                .build();
        HttpResult result = send(request, "reading the account");
        if (!result.isSuccessful()) {
            throw refused("reading the account", result, List.of(accessToken));
        }
        JsonNode json = result.json();
        Optional<String> id = Json.text(json, "/id");
        Optional<String> username = Json.text(json, "/username");
        if (id.isEmpty() || username.isEmpty()) {
            throw new MastodonException(
                    "unreadable_response",
                    "the instance's account answer had no id or username",
                    true,
                    Optional.empty());
        }
        return new Account(
                instanceUrl(),
                id.get(),
                username.get(),
                Json.text(json, "/acct").orElse(username.get()),
                Json.text(json, "/display_name").orElse(username.get()),
                Json.text(json, "/url"));
    }

    /**
     * Revokes a token ({@code POST /oauth/revoke}): the account is disconnected from the app on the instance.
     *
     * @throws MastodonException when the instance refuses or cannot be reached
     */
    public void revoke(App app, String accessToken) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(accessToken, "accessToken");
        var fields = new LinkedHashMap<String, String>();
        fields.put("client_id", app.clientId());
        fields.put("client_secret", app.clientSecret());
        fields.put("token", accessToken);
        HttpResult result =
                send(TokenEndpoint.request(url("oauth/revoke"), fields, Optional.empty()), "revoking the token", true);
        if (!result.isSuccessful()) {
            throw refused("revoking the token", result, List.of(app.clientSecret(), accessToken));
        }
    }

    private Request get(String path) {
        return new Request.Builder()
                .url(url(path))
                .header("Accept", "application/json")
                .get()
                .build();
    }

    private HttpUrl url(String path) {
        return instance.newBuilder().addPathSegments(path).build();
    }

    private HttpResult send(Request request, String what) {
        return send(request, what, false);
    }

    private HttpResult send(Request request, String what, boolean notRepeatable) {
        try {
            return http.execute(request, notRepeatable);
        } catch (TransportFailure e) {
            throw new MastodonException(
                    e.code(),
                    what + " on " + instance.host() + " failed: " + e.getMessage(),
                    e.kindBeforeCreating() == FailureKind.RETRYABLE,
                    Optional.empty());
        }
    }

    private MastodonException refused(String what, HttpResult result, Collection<String> secrets) {
        Optional<String> error = TokenEndpoint.error(result);
        String description = TokenEndpoint.errorDescription(result)
                .map(d -> ": " + Redaction.truncate(d, 300))
                .orElse("");
        Optional<Instant> retryAt = result.status() == 429
                ? Classifier.rateLimitReset(result.headers(), clock.instant())
                : Optional.empty();
        boolean retryable = result.status() == 429 || result.status() >= 500 || result.isSuccessful();
        String code = result.isSuccessful()
                ? "unreadable_response"
                : error.filter(e -> e.matches("[a-z_]{1,60}")).orElse("http_" + result.status());
        String message = what + " on " + instance.host() + " failed: HTTP " + result.status()
                + error.map(e -> " (" + Redaction.truncate(e, 200) + ")").orElse("") + description;
        return new MastodonException(code, Redaction.scrub(message, secrets), retryable, retryAt);
    }

    private static List<URI> redirectUris(List<URI> uris) {
        Objects.requireNonNull(uris, "redirectUris");
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("redirectUris must name at least one URI");
        }
        for (URI uri : uris) {
            Objects.requireNonNull(uri, "redirectUris element");
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("redirectUris must be absolute but has " + uri);
            }
        }
        return List.copyOf(uris);
    }

    private static void requireScopes(List<String> scopes) {
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank() || s.contains(" "))) {
            throw new IllegalArgumentException("scopes must be non-blank words, at least one, but were " + scopes);
        }
    }

    private static void requireRegistered(App app, URI redirectUri) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (!app.redirectUris().contains(redirectUri)) {
            throw new IllegalArgumentException(
                    "redirectUri must be one of the app's registered redirect URIs but was " + redirectUri);
        }
    }

    /** A new random PKCE code verifier (43 characters). */
    public static String newCodeVerifier() {
        return OAuthFlow.newCodeVerifier();
    }

    /** The S256 PKCE challenge of a verifier: Base64url(SHA-256(verifier)) without padding. */
    public static String codeChallenge(String codeVerifier) {
        return OAuthFlow.codeChallenge(codeVerifier);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "MastodonOAuth[" + instanceUrl() + "]";
    }

    /**
     * The host's app on one instance: keep it (the secret encrypted) and use it for every account of that instance.
     * {@link #toString()} shows no secret.
     */
    public record App(String clientId, String clientSecret, List<URI> redirectUris, List<String> scopes) {
        public App {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            redirectUris = List.copyOf(redirectUris);
            scopes = List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "App[clientId=" + clientId + ", clientSecret=(redacted), redirectUris=" + redirectUris + ", scopes="
                    + scopes + "]";
        }
    }

    /**
     * Where to send the browser, and what to keep in the user's session until the instance redirects back: the
     * {@code state} (compare it with {@link #stateMatches}) and the code verifier (for {@link #exchange}).
     */
    public record AuthorizationRequest(URI url, String state, String codeVerifier) {
        public AuthorizationRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(codeVerifier, "codeVerifier");
        }

        /** Whether the {@code state} the instance sent back is this request's (constant-time comparison). */
        public boolean stateMatches(String returned) {
            return returned != null
                    && MessageDigest.isEqual(
                            state.getBytes(StandardCharsets.UTF_8), returned.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "AuthorizationRequest[url=" + url + ", state=" + state + ", codeVerifier=(redacted)]";
        }
    }

    /** The account's token; it does not expire. {@link #toString()} shows no token. */
    public record Tokens(String accessToken, Set<String> scopes, Optional<Instant> createdAt) {
        public Tokens {
            Objects.requireNonNull(accessToken, "accessToken");
            scopes = Set.copyOf(scopes);
            Objects.requireNonNull(createdAt, "createdAt");
        }

        /** The credentials to connect the account with: the token and its scopes. */
        public Credentials toCredentials() {
            var map = new LinkedHashMap<String, String>();
            map.put(Credentials.ACCESS_TOKEN, accessToken);
            if (!scopes.isEmpty()) {
                map.put(
                        Credentials.SCOPE,
                        String.join(" ", scopes.stream().sorted().toList()));
            }
            return Credentials.of(map);
        }

        @Override
        public String toString() {
            return "Tokens[accessToken=(redacted), scopes=" + scopes + ", createdAt=" + createdAt + "]";
        }
    }

    /**
     * The account of a token on its instance.
     *
     * @param instanceUrl the instance ({@code https://mastodon.social})
     * @param id the account's id on the instance
     * @param username the local user name ({@code alice})
     * @param acct the name as the instance shows it ({@code alice} for a local account)
     * @param displayName the name people see
     * @param url the profile page
     */
    public record Account(
            String instanceUrl, String id, String username, String acct, String displayName, Optional<String> url) {
        public Account {
            Objects.requireNonNull(instanceUrl, "instanceUrl");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(acct, "acct");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(url, "url");
        }

        /** {@code @alice@mastodon.social}: the account's full handle, for the connection's display name. */
        public String handle() {
            return "@" + username + "@" + HttpUrl.get(instanceUrl).host();
        }

        /** Connection properties the channel needs: {@code instance_url}, {@code account_id}, {@code username}. */
        public Map<String, String> toConnectionProperties() {
            var map = new LinkedHashMap<String, String>();
            map.put(MastodonChannel.PROPERTY_INSTANCE_URL, instanceUrl);
            map.put(MastodonChannel.PROPERTY_ACCOUNT_ID, id);
            map.put(MastodonChannel.PROPERTY_USERNAME, username);
            return map;
        }

        /**
         * The same with the instance's limits ({@link MastodonOAuth#instance()}), so validating this account's posts
         * never has to ask the instance.
         */
        public Map<String, String> toConnectionProperties(MastodonInstance instance) {
            var map = new LinkedHashMap<>(toConnectionProperties());
            map.putAll(instance.toConnectionProperties());
            return map;
        }
    }

    /** Builder of a {@link MastodonOAuth}. */
    public static final class Builder {
        private final String instanceUrl;
        private boolean plainHttpOnLoopback;
        private final OAuthBuilder common = new OAuthBuilder();

        private Builder(String instanceUrl) {
            this.instanceUrl = Objects.requireNonNull(instanceUrl, "instanceUrl");
        }

        /** Allows an {@code http://} instance URL on a loopback host (tests, a development server). */
        public Builder allowPlainHttpOnLoopback() {
            this.plainHttpOnLoopback = true;
            return this;
        }

        /** The host's shared OkHttp client; never shut down by {@link MastodonOAuth#close()}. */
        public Builder httpClient(OkHttpClient client) {
            common.httpClient(client);
            return this;
        }

        /** Clock for instants the instance does not send; default UTC system clock. */
        public Builder clock(Clock value) {
            common.clock(value);
            return this;
        }

        /**
         * The flows.
         *
         * @throws IllegalArgumentException when the instance URL is not {@code https} (or loopback http when allowed)
         */
        public MastodonOAuth build() {
            HttpUrl parsed;
            try {
                parsed = InstanceUrl.parse(instanceUrl, plainHttpOnLoopback);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("instanceUrl: " + e.getMessage(), e);
            }
            return new MastodonOAuth(this, parsed);
        }
    }
}
