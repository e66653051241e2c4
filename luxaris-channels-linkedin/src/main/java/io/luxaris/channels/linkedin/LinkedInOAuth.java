package io.luxaris.channels.linkedin;

import io.luxaris.channels.linkedin.internal.Classifier;
import io.luxaris.channels.linkedin.internal.Settings;
import io.luxaris.channels.linkedin.internal.TokenClient;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.http.internal.AdapterBuilder;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.OAuthBuilder;
import io.luxaris.http.internal.OAuthFlow;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.security.Redaction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * LinkedIn's 3-legged OAuth 2.0 flow, for the host's "connect your LinkedIn account" screen:
 *
 * <pre>{@code
 * LinkedInOAuth oauth = LinkedInOAuth.builder(clientId, clientSecret, URI.create("https://app.example/callback/li"))
 *         .build();
 * LinkedInOAuth.AuthorizationRequest auth = oauth.authorizationRequest();  // keep auth.state() in the session
 * // redirect the browser to auth.url(); LinkedIn redirects back with ?code=...&state=...
 * if (!auth.stateMatches(returnedState)) throw ...;
 * LinkedInOAuth.Tokens tokens = oauth.exchange(returnedCode);
 * LinkedInOAuth.Member member = oauth.member(tokens.accessToken());          // GET /v2/userinfo
 * luxaris.channels().connect(principal,
 *         ConnectionRequest.of("linkedin", member.displayName(), tokens.toCredentials())
 *                 .withProperties(member.toConnectionProperties()));        // author_urn = urn:li:person:{sub}
 * }</pre>
 *
 * <h2>Token lifetimes and reauthorization</h2>
 *
 * Access tokens live 60 days. Only apps LinkedIn approved for programmatic refresh get a refresh token; it lives
 * 365 days and is <em>not</em> rotated: refreshing gives a new access token, while the refresh token keeps counting
 * down, so the member must authorize again within a year anyway. {@link Tokens#toCredentials()} stores both expiry
 * instants ({@link Credentials#EXPIRES_AT}, {@link Credentials#REFRESH_EXPIRES_AT}); Luxaris' {@code
 * channels().health(...)} then turns {@code reauthorizeSoon} on {@link SchedulingRules#REAUTHORIZE_WARNING} before the
 * last usable token expires, and {@link #reauthorizeBy} / {@link #reauthorizeSoon} give the same answer from the
 * credentials alone (for a reminder e-mail, say). The channel refreshes by itself when it is configured with
 * {@link LinkedInChannel.Builder#oauthClient}.
 *
 * <p>Thread-safe; close it to release its own HTTP client (a shared one passed in is left alone).
 */
public final class LinkedInOAuth implements AutoCloseable {
    /** Scopes for posting as a member: sign in with OpenID Connect (person id and name) and share. */
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "w_member_social");
    /** How long LinkedIn access tokens live (used when a token answer does not say). */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofDays(60);
    /** How long LinkedIn refresh tokens live, counted from the first authorization; refreshing does not extend it. */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(365);

    private final String clientId;
    private final String clientSecret;
    private final URI redirectUri;
    private final List<String> scopes;
    private final Clock clock;
    private final Settings settings;
    private final PlatformHttp http;
    private final TokenClient tokens;

    private LinkedInOAuth(Builder b) {
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.redirectUri = b.redirectUri;
        this.scopes = List.copyOf(b.scopes);
        this.clock = b.common.clock();
        this.settings = Settings.forClient(b.apiBaseUrl, b.oauthBaseUrl, b.common.http());
        this.http = new PlatformHttp("LinkedIn", settings.http());
        this.tokens = new TokenClient(http, settings);
    }

    /**
     * A flow for one app ({@code clientId} and {@code clientSecret} from the LinkedIn developer portal) and one
     * registered callback ({@code redirectUri}, exact match).
     */
    public static Builder builder(String clientId, String clientSecret, URI redirectUri) {
        return new Builder(clientId, clientSecret, redirectUri);
    }

    /** A new authorization request with a random {@code state}. */
    public AuthorizationRequest authorizationRequest() {
        return authorizationRequest(OAuthFlow.newState());
    }

    /** An authorization request with the given {@code state} (an unguessable value kept in the user's session). */
    public AuthorizationRequest authorizationRequest(String state) {
        Objects.requireNonNull(state, "state");
        if (state.isBlank() || state.length() > 500) {
            throw new IllegalArgumentException("state must have 1..500 characters but has " + state.length());
        }
        HttpUrl url = settings.oauthBaseUrl()
                .newBuilder()
                .addPathSegments("oauth/v2/authorization")
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirectUri.toString())
                .addQueryParameter("state", state)
                .addQueryParameter("scope", String.join(" ", scopes))
                .build();
        return new AuthorizationRequest(url.uri(), state);
    }

    /**
     * Exchanges the code LinkedIn sent to the callback for tokens ({@code POST /oauth/v2/accessToken}). Codes are
     * valid for a few minutes and once only.
     *
     * @throws LinkedInException when LinkedIn refuses the code or cannot be reached
     */
    public Tokens exchange(String code) {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        Instant now = clock.instant();
        HttpResult result;
        try {
            result = tokens.exchange(code, redirectUri.toString(), clientId, clientSecret);
        } catch (TransportFailure e) {
            throw new LinkedInException(e.code(), String.valueOf(e.getMessage()), true);
        }
        return tokensOf(result, now, Optional.empty(), Optional.empty(), List.of(code));
    }

    /**
     * Refreshes an access token with a refresh token (apps approved for programmatic refresh). The refresh token
     * is not rotated; its expiry is what LinkedIn reports ({@code refresh_token_expires_in}).
     *
     * @throws LinkedInException when LinkedIn refuses the refresh token or cannot be reached
     */
    public Tokens refresh(String refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        return refresh(refreshToken, Optional.empty());
    }

    /**
     * Refreshes the access token of stored credentials, keeping the refresh token's known expiry when LinkedIn
     * does not report it.
     *
     * @throws IllegalArgumentException when the credentials hold no refresh token
     * @throws LinkedInException when LinkedIn refuses the refresh token or cannot be reached
     */
    public Tokens refresh(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        String refreshToken = credentials
                .refreshToken()
                .orElseThrow(() -> new IllegalArgumentException("the credentials hold no refresh token"));
        return refresh(refreshToken, credentials.refreshExpiresAt());
    }

    private Tokens refresh(String refreshToken, Optional<Instant> refreshExpiry) {
        if (refreshToken.isBlank()) {
            throw new IllegalArgumentException("refreshToken must not be blank");
        }
        Instant now = clock.instant();
        HttpResult result;
        try {
            result = tokens.refresh(refreshToken, clientId, clientSecret);
        } catch (TransportFailure e) {
            throw new LinkedInException(e.code(), String.valueOf(e.getMessage()), true);
        }
        return tokensOf(result, now, Optional.of(refreshToken), refreshExpiry, List.of(refreshToken));
    }

    private Tokens tokensOf(
            HttpResult result,
            Instant now,
            Optional<String> refreshToken,
            Optional<Instant> refreshExpiry,
            List<String> secrets) {
        var allSecrets = new ArrayList<>(secrets);
        allSecrets.add(clientSecret);
        if (!result.isSuccessful()) {
            Map.Entry<String, String> error = Classifier.oauthError(result, allSecrets);
            throw new LinkedInException(
                    error.getKey(),
                    "LinkedIn refused the token request: " + error.getKey() + " (" + error.getValue() + ")",
                    result.status() == 429 || result.status() >= 500);
        }
        return TokenClient.parse(result, now, refreshToken, refreshExpiry)
                .orElseThrow(() -> new LinkedInException(
                        "unreadable_response", "LinkedIn's token answer has no access token", false));
    }

    /**
     * The member behind an access token, from OpenID Connect {@code GET /v2/userinfo} (scopes {@code openid
     * profile}). Its {@code sub} is the person id of the author URN {@code urn:li:person:{sub}}.
     *
     * @throws LinkedInException when LinkedIn refuses the token or cannot be reached
     */
    public Member member(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        Request request = new Request.Builder()
                .url(settings.apiBaseUrl()
                        .newBuilder()
                        .addPathSegments("v2/userinfo")
                        .build())
                .header("Authorization", "Bearer " + accessToken)
                .get()
                .build();
        HttpResult result;
        try {
            result = http.execute(request, false);
        } catch (TransportFailure e) {
            throw new LinkedInException(e.code(), String.valueOf(e.getMessage()), true);
        }
        if (!result.isSuccessful()) {
            Map.Entry<String, String> error = Classifier.oauthError(result, List.of(accessToken, clientSecret));
            throw new LinkedInException(
                    error.getKey(),
                    "LinkedIn refused the userinfo request: " + error.getKey() + " (" + error.getValue() + ")",
                    result.status() == 429 || result.status() >= 500);
        }
        var body = result.json();
        String sub = Json.text(body, "/sub")
                .orElseThrow(() -> new LinkedInException(
                        "unreadable_response", "LinkedIn's userinfo answer has no 'sub' (person id)", false));
        Optional<String> name = Json.text(body, "/name").or(() -> Json.text(body, "/given_name")
                .map(given -> (given + " " + Json.text(body, "/family_name").orElse("")).strip()));
        return new Member(sub, name);
    }

    // ------------------------------------------------------------------ reauthorization

    /**
     * When the member must have authorized again: the refresh token's expiry when the credentials can be refreshed
     * (a refresh token that has not expired), otherwise the access token's expiry. Empty when the credentials do
     * not say when they expire.
     */
    public static Optional<Instant> reauthorizeBy(Credentials credentials, Instant now) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(now, "now");
        boolean refreshable = credentials.refreshToken().isPresent()
                && credentials.refreshExpiresAt().map(now::isBefore).orElse(true);
        if (refreshable) {
            return credentials.refreshExpiresAt();
        }
        return credentials.expiresAt();
    }

    /**
     * Whether to ask the member to authorize again now: {@link #reauthorizeBy} is within {@link
     * SchedulingRules#REAUTHORIZE_WARNING} (7 days, as the core's connection health) or past.
     */
    public static boolean reauthorizeSoon(Credentials credentials, Instant now) {
        return reauthorizeSoon(credentials, now, SchedulingRules.REAUTHORIZE_WARNING);
    }

    /** Whether {@link #reauthorizeBy} is within {@code warning} of {@code now}, or past. */
    public static boolean reauthorizeSoon(Credentials credentials, Instant now, Duration warning) {
        Objects.requireNonNull(warning, "warning");
        return reauthorizeBy(credentials, now)
                .map(by -> by.isBefore(now.plus(warning)))
                .orElse(false);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "LinkedInOAuth[clientId=" + clientId + ", redirectUri=" + redirectUri + ", scopes=" + scopes + "]";
    }

    // ------------------------------------------------------------------ values

    /**
     * Where to send the browser, and the {@code state} to keep in the user's session and compare on return.
     *
     * @param url LinkedIn's authorization page with every parameter
     * @param state the anti-forgery value LinkedIn hands back
     */
    public record AuthorizationRequest(URI url, String state) {
        public AuthorizationRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(state, "state");
        }

        /** Whether the {@code state} LinkedIn sent back is this one (compared in constant time). */
        public boolean stateMatches(String returned) {
            return returned != null
                    && MessageDigest.isEqual(
                            state.getBytes(StandardCharsets.UTF_8), returned.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Tokens from LinkedIn's token endpoint. {@link #toString()} never shows a token.
     *
     * @param accessToken the bearer token
     * @param expiresAt when the access token expires (about 60 days after it was issued)
     * @param refreshToken the refresh token, for apps approved for programmatic refresh
     * @param refreshExpiresAt when the refresh token expires (365 days after the first authorization)
     * @param scopes the scopes granted
     */
    public record Tokens(
            String accessToken,
            Instant expiresAt,
            Optional<String> refreshToken,
            Optional<Instant> refreshExpiresAt,
            List<String> scopes) {
        public Tokens {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
            scopes = List.copyOf(scopes);
        }

        /** Whether LinkedIn issued a refresh token. */
        public boolean refreshable() {
            return refreshToken.isPresent();
        }

        /**
         * Credentials to connect the account with: access token, {@code expires_at}, scope, and the refresh token
         * with {@code refresh_expires_at} when there is one.
         */
        public Credentials toCredentials() {
            var map = new LinkedHashMap<String, String>();
            map.put(Credentials.ACCESS_TOKEN, accessToken);
            map.put(Credentials.EXPIRES_AT, expiresAt.toString());
            refreshToken.ifPresent(t -> map.put(Credentials.REFRESH_TOKEN, t));
            refreshExpiresAt.ifPresent(t -> map.put(Credentials.REFRESH_EXPIRES_AT, t.toString()));
            if (!scopes.isEmpty()) {
                map.put(Credentials.SCOPE, String.join(",", scopes));
            }
            return Credentials.of(map);
        }

        @Override
        public String toString() {
            return "Tokens[accessToken=" + Redaction.MASK + ", expiresAt=" + expiresAt + ", refreshToken="
                    + (refreshToken.isPresent() ? Redaction.MASK : "none") + ", refreshExpiresAt="
                    + refreshExpiresAt.map(Instant::toString).orElse("none") + ", scopes=" + scopes + "]";
        }
    }

    /**
     * A LinkedIn member, from OpenID Connect userinfo.
     *
     * @param id the member's person id ({@code sub})
     * @param name the member's name, when the {@code profile} scope was granted
     */
    public record Member(String id, Optional<String> name) {
        public Member {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
        }

        /** {@code urn:li:person:{id}}: the author of the member's posts. */
        public String personUrn() {
            return "urn:li:person:" + id;
        }

        /** A name for the connection: the member's name, or the person URN. */
        public String displayName() {
            return name.orElse(personUrn());
        }

        /** Connection properties to post as this member: {@value LinkedInChannel#PROPERTY_AUTHOR_URN}. */
        public Map<String, String> toConnectionProperties() {
            return Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, personUrn());
        }
    }

    /** Builder of a {@link LinkedInOAuth}; validates each setting as it is given. */
    public static final class Builder {
        private final String clientId;
        private final String clientSecret;
        private final URI redirectUri;
        private List<String> scopes = DEFAULT_SCOPES;
        private HttpUrl oauthBaseUrl = HttpUrl.get(Settings.DEFAULT_OAUTH_BASE_URL);
        private HttpUrl apiBaseUrl = HttpUrl.get(Settings.DEFAULT_API_BASE_URL);
        private final OAuthBuilder common = new OAuthBuilder();

        private Builder(String clientId, String clientSecret, URI redirectUri) {
            this.clientId = AdapterBuilder.nonBlank(clientId, "clientId");
            this.clientSecret = AdapterBuilder.nonBlank(clientSecret, "clientSecret");
            this.redirectUri = OAuthFlow.redirectUri(redirectUri);
        }

        /**
         * The scopes to request; default {@link #DEFAULT_SCOPES}. Posting as an organization needs {@code
         * w_organization_social}.
         */
        public Builder scopes(List<String> value) {
            this.scopes = OAuthFlow.scopes(value, "");
            return this;
        }

        /** Where the authorization page and token endpoint are; default {@code https://www.linkedin.com}. */
        public Builder oauthBaseUrl(String url) {
            this.oauthBaseUrl = AdapterBuilder.url(url, "oauthBaseUrl");
            return this;
        }

        /** Where {@code /v2/userinfo} is; default {@code https://api.linkedin.com}. */
        public Builder apiBaseUrl(String url) {
            this.apiBaseUrl = AdapterBuilder.url(url, "apiBaseUrl");
            return this;
        }

        /** The host's shared OkHttp client; never shut down by Luxaris. */
        public Builder httpClient(OkHttpClient client) {
            common.httpClient(client);
            return this;
        }

        /** The clock token expiry instants are computed with; default UTC system clock. */
        public Builder clock(Clock value) {
            common.clock(value);
            return this;
        }

        public LinkedInOAuth build() {
            return new LinkedInOAuth(this);
        }
    }
}
