package io.luxaris.channels.x;

import io.luxaris.channels.x.internal.Settings;
import io.luxaris.channels.x.internal.TokenClient;
import io.luxaris.domain.Credentials;
import io.luxaris.http.internal.AdapterBuilder;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.OAuthBuilder;
import io.luxaris.http.internal.OAuthFlow;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TokenEndpoint;
import io.luxaris.http.internal.TransportFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The OAuth 2.0 authorization-code flow with PKCE for X user context, for the host's "connect your X account"
 * screen:
 *
 * <pre>{@code
 * XOAuth2 oauth = XOAuth2.builder(clientId, URI.create("https://app.example/callback/x")).build();
 * XOAuth2.AuthorizationRequest auth = oauth.authorizationRequest();   // keep state and verifier in the session
 * // redirect the browser to auth.url(); X redirects back with ?state=...&code=...
 * if (!auth.stateMatches(returnedState)) throw ...;
 * XOAuth2.Tokens tokens = oauth.exchange(returnedCode, auth.codeVerifier());   // within 30 s
 * XOAuth2.Account account = oauth.account(tokens.accessToken());
 * luxaris.channels().connect(principal, ConnectionRequest.of("x", "@" + account.username(), tokens.toCredentials())
 *         .withProperties(account.toConnectionProperties()));
 * }</pre>
 *
 * Thread-safe; close it to release its own HTTP client (a shared one passed in is left alone).
 */
public final class XOAuth2 implements AutoCloseable {
    /** The browser authorization page. */
    public static final String AUTHORIZE_URL = "https://x.com/i/oauth2/authorize";
    /** Scopes the X channel needs: post, read the account, keep access ({@code offline.access}), upload media. */
    public static final List<String> DEFAULT_SCOPES =
            List.of("tweet.read", "tweet.write", "users.read", "offline.access", "media.write");

    private final String clientId;
    private final Optional<String> clientSecret;
    private final URI redirectUri;
    private final List<String> scopes;
    private final HttpUrl authorizeUrl;
    private final Clock clock;
    private final HttpUrl baseUrl;
    private final PlatformHttp http;
    private final TokenClient tokens;

    private XOAuth2(Builder b) {
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.redirectUri = b.redirectUri;
        this.scopes = List.copyOf(b.scopes);
        this.authorizeUrl = b.authorizeUrl;
        this.clock = b.common.clock();
        this.baseUrl = b.baseUrl;
        this.http = b.common.platformHttp("X");
        this.tokens = new TokenClient(http, baseUrl);
    }

    /** A flow for one app ({@code clientId}) and one registered callback ({@code redirectUri}, exact match). */
    public static Builder builder(String clientId, URI redirectUri) {
        return new Builder(clientId, redirectUri);
    }

    /** A new authorization request with a random {@code state} and a random PKCE code verifier (S256). */
    public AuthorizationRequest authorizationRequest() {
        return authorizationRequest(OAuthFlow.newState(), newCodeVerifier());
    }

    /** An authorization request with the given {@code state} and code verifier. */
    public AuthorizationRequest authorizationRequest(String state, String codeVerifier) {
        Objects.requireNonNull(state, "state");
        if (state.isEmpty() || state.length() > 500) {
            throw new IllegalArgumentException("state must have 1..500 characters but has " + state.length());
        }
        OAuthFlow.requireVerifier(codeVerifier);
        HttpUrl url = authorizeUrl
                .newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirectUri.toString())
                .addQueryParameter("scope", String.join(" ", scopes))
                .addQueryParameter("state", state)
                .addQueryParameter("code_challenge", codeChallenge(codeVerifier))
                .addQueryParameter("code_challenge_method", "S256")
                .build();
        return new AuthorizationRequest(url.uri(), state, codeVerifier);
    }

    /**
     * Exchanges the code X sent to the callback for tokens ({@code POST /2/oauth2/token}). X's codes expire 30
     * seconds after they are issued.
     *
     * @throws XAuthException when X refuses the code or cannot be reached
     */
    public Tokens exchange(String code, String codeVerifier) {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        OAuthFlow.requireVerifier(codeVerifier);
        HttpResult result;
        try {
            result = tokens.exchange(code, redirectUri.toString(), codeVerifier, clientId, clientSecret);
        } catch (TransportFailure e) {
            throw new XAuthException(e.code(), "exchanging the X authorization code failed: " + e.getMessage(), true);
        }
        Instant now = clock.instant();
        Optional<TokenClient.Grant> grant = TokenClient.grant(result, now);
        if (grant.isEmpty()) {
            throw refused("exchanging the X authorization code", result);
        }
        TokenClient.Grant g = grant.get();
        var granted = new LinkedHashSet<String>();
        g.scope().ifPresent(s -> granted.addAll(Arrays.asList(s.trim().split("\\s+"))));
        return new Tokens(g.accessToken(), g.refreshToken(), g.expiresAt(), granted);
    }

    /**
     * The account the token belongs to ({@code GET /2/users/me}), for the connection's display name and properties.
     *
     * @throws XAuthException when X refuses the token or cannot be reached
     */
    public Account account(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        Request request = new Request.Builder()
                .url(Settings.url(baseUrl, "2", "users", "me").build())
                .header("Authorization", "Bearer " + accessToken)
                .get()
                .build();
        HttpResult result;
        try {
            result = http.execute(request, false);
        } catch (TransportFailure e) {
            throw new XAuthException(e.code(), "reading the X account failed: " + e.getMessage(), true);
        }
        if (!result.isSuccessful()) {
            throw refused("reading the X account", result);
        }
        var json = result.json();
        Optional<String> id = Json.text(json, "/data/id");
        Optional<String> username = Json.text(json, "/data/username");
        if (id.isEmpty() || username.isEmpty()) {
            throw new XAuthException("unreadable_response", "X's account answer had no id or username", true);
        }
        return new Account(
                id.get(), username.get(), Json.text(json, "/data/name").orElse(username.get()));
    }

    private static XAuthException refused(String what, HttpResult result) {
        Optional<String> error = TokenEndpoint.error(result);
        String description = TokenEndpoint.errorDescription(result)
                .or(() -> Json.text(result.json(), "/detail"))
                .or(() -> Json.text(result.json(), "/title"))
                .map(d -> ": " + d)
                .orElse("");
        boolean retryable = result.status() == 429 || result.status() >= 500 || result.isSuccessful();
        String code = error.orElse(result.isSuccessful() ? "unreadable_response" : "http_" + result.status());
        return new XAuthException(
                code,
                what + " failed: X answered HTTP " + result.status() + " (" + code + ")" + description,
                retryable);
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
        return "XOAuth2[redirectUri=" + redirectUri + ", scopes=" + scopes + "]";
    }

    /**
     * Where to send the browser, and what to keep in the user's session until X redirects back: the {@code state}
     * (compare it with {@link #stateMatches}) and the code verifier (for {@link #exchange}).
     */
    public record AuthorizationRequest(URI url, String state, String codeVerifier) {
        public AuthorizationRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(codeVerifier, "codeVerifier");
        }

        /** Whether the {@code state} X sent back is this request's (constant-time comparison). */
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

    /** Tokens X issued; {@link #toString()} shows no token. */
    public record Tokens(
            String accessToken, Optional<String> refreshToken, Optional<Instant> expiresAt, Set<String> scopes) {
        public Tokens {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
            scopes = Set.copyOf(new LinkedHashSet<>(scopes));
        }

        /** The credentials to connect the account with. */
        public Credentials toCredentials() {
            var map = new LinkedHashMap<String, String>();
            map.put(Credentials.ACCESS_TOKEN, accessToken);
            refreshToken.ifPresent(t -> map.put(Credentials.REFRESH_TOKEN, t));
            expiresAt.ifPresent(at -> map.put(Credentials.EXPIRES_AT, at.toString()));
            if (!scopes.isEmpty()) {
                map.put(
                        Credentials.SCOPE,
                        String.join(" ", scopes.stream().sorted().toList()));
            }
            return Credentials.of(map);
        }

        @Override
        public String toString() {
            return "Tokens[accessToken=(redacted), refreshToken=" + (refreshToken.isPresent() ? "(redacted)" : "none")
                    + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
        }
    }

    /** The X account of a token. */
    public record Account(String id, String username, String name) {
        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(name, "name");
        }

        /** Connection properties that spare the publisher a lookup: {@code user_id} and {@code username}. */
        public Map<String, String> toConnectionProperties() {
            return Map.of(XChannel.PROPERTY_USER_ID, id, XChannel.PROPERTY_USERNAME, username);
        }
    }

    /** Builder of an {@link XOAuth2}. */
    public static final class Builder {
        private final String clientId;
        private final URI redirectUri;
        private Optional<String> clientSecret = Optional.empty();
        private List<String> scopes = DEFAULT_SCOPES;
        private HttpUrl baseUrl = HttpUrl.get(Settings.DEFAULT_BASE_URL);
        private HttpUrl authorizeUrl = HttpUrl.get(AUTHORIZE_URL);
        private final OAuthBuilder common = new OAuthBuilder();

        private Builder(String clientId, URI redirectUri) {
            this.clientId = AdapterBuilder.nonBlank(clientId, "clientId");
            this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
            if (!redirectUri.isAbsolute()) {
                throw new IllegalArgumentException("redirectUri must be absolute but was " + redirectUri);
            }
        }

        /** The client secret of a confidential client (sent as Basic authentication). */
        public Builder clientSecret(String secret) {
            this.clientSecret = Optional.of(AdapterBuilder.nonBlank(secret, "clientSecret"));
            return this;
        }

        /** Scopes to ask for; default {@link #DEFAULT_SCOPES}. */
        public Builder scopes(List<String> value) {
            this.scopes = OAuthFlow.scopes(value, "");
            return this;
        }

        /** Where the X API is; default {@code https://api.x.com}. */
        public Builder baseUrl(String url) {
            this.baseUrl = AdapterBuilder.url(url, "baseUrl");
            return this;
        }

        /** The browser authorization page; default {@link #AUTHORIZE_URL}. */
        public Builder authorizeUrl(String url) {
            this.authorizeUrl = AdapterBuilder.url(url, "authorizeUrl");
            return this;
        }

        /** The host's shared OkHttp client; never shut down by {@link XOAuth2#close()}. */
        public Builder httpClient(OkHttpClient client) {
            common.httpClient(client);
            return this;
        }

        /** Clock for token expiry instants; default UTC system clock. */
        public Builder clock(Clock value) {
            common.clock(value);
            return this;
        }

        public XOAuth2 build() {
            return new XOAuth2(this);
        }
    }
}
