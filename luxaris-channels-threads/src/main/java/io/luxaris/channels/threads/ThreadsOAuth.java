package io.luxaris.channels.threads;

import io.luxaris.channels.threads.internal.Auth;
import io.luxaris.channels.threads.internal.Classifier;
import io.luxaris.channels.threads.internal.Settings;
import io.luxaris.channels.threads.internal.TokenLifetimes;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.AdapterBuilder;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.OAuthBuilder;
import io.luxaris.http.internal.OAuthFlow;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TokenEndpoint;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.PublishOutcome;
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
 * Meta's Threads OAuth flow, for the host's "connect your Threads account" screen:
 *
 * <pre>{@code
 * ThreadsOAuth oauth = ThreadsOAuth.builder(appId, appSecret, URI.create("https://app.example/callback/threads")).build();
 * ThreadsOAuth.AuthorizationRequest auth = oauth.authorizationRequest();  // keep auth.state() in the session
 * // redirect the browser to auth.url(); Threads redirects back with ?code=...&state=...
 * if (!auth.stateMatches(returnedState)) throw ...;
 * ThreadsOAuth.Tokens tokens = oauth.connect(returnedCode);              // code -> 1 hour token -> 60 days token
 * ThreadsOAuth.Account me = oauth.account(tokens.accessToken());          // GET /v1.0/me?fields=id,username
 * luxaris.channels().connect(principal,
 *         ConnectionRequest.of("threads", "@" + me.username().orElse(me.id()), tokens.toCredentials())
 *                 .withProperties(me.toConnectionProperties()));
 * }</pre>
 *
 * <p>Use the <em>Threads</em> app id and secret (not the Facebook app's). The code exchange gives a short-lived token
 * (1 hour), which {@link #longLived} trades for a long-lived one (60 days); {@link #refresh} gives a long-lived token
 * a fresh 60 days once it is at least a day old and before it expires. The channel refreshes stored tokens by itself
 * ({@link ThreadsChannel.Builder#refreshAhead}); an expired token cannot be refreshed: the user must connect again.
 *
 * <p>Thread-safe; close it to release its own HTTP client (a shared one passed in is left alone).
 */
public final class ThreadsOAuth implements AutoCloseable {
    /** Scopes for publishing, replying and deleting (comma-separated in the authorization URL). */
    public static final List<String> DEFAULT_SCOPES =
            List.of("threads_basic", "threads_content_publish", "threads_manage_replies", "threads_delete");
    /** How long a long-lived token lives (used when an answer does not say). */
    public static final Duration LONG_LIVED_TOKEN_LIFETIME = TokenLifetimes.LONG_LIVED;

    private final String appId;
    private final String appSecret;
    private final URI redirectUri;
    private final List<String> scopes;
    private final HttpUrl authorizeBaseUrl;
    private final Settings settings;
    private final Clock clock;
    private final PlatformHttp http;

    private ThreadsOAuth(Builder b) {
        this.appId = b.appId;
        this.appSecret = b.appSecret;
        this.redirectUri = b.redirectUri;
        this.scopes = List.copyOf(b.scopes);
        this.authorizeBaseUrl = b.authorizeBaseUrl;
        this.settings = Settings.of(b.graphBaseUrl, b.common.http());
        this.clock = b.common.clock();
        this.http = new PlatformHttp("Threads", settings.http());
    }

    /**
     * A flow for one Threads app ({@code appId} and {@code appSecret} from the Threads use case of the app in Meta's
     * developer dashboard) and one registered callback ({@code redirectUri}, exact match).
     */
    public static Builder builder(String appId, String appSecret, URI redirectUri) {
        return new Builder(appId, appSecret, redirectUri);
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
        HttpUrl url = authorizeBaseUrl
                .newBuilder()
                .addPathSegments("oauth/authorize")
                .addQueryParameter("client_id", appId)
                .addQueryParameter("redirect_uri", redirectUri.toString())
                .addQueryParameter("scope", String.join(",", scopes))
                .addQueryParameter("response_type", "code")
                .addQueryParameter("state", state)
                .build();
        return new AuthorizationRequest(url.uri(), state);
    }

    /**
     * Exchanges the code Threads sent to the callback for a short-lived token ({@code POST /oauth/access_token}).
     * Codes work once.
     *
     * @throws ThreadsException when Threads refuses the code or cannot be reached
     */
    public ShortLivedToken exchange(String code) {
        AdapterBuilder.nonBlank(code, "code");
        Instant now = clock.instant();
        var form = new LinkedHashMap<String, String>();
        form.put("client_id", appId);
        form.put("client_secret", appSecret);
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri.toString());
        form.put("code", code);
        HttpResult result = send(
                TokenEndpoint.request(settings.root("oauth", "access_token").build(), form, Optional.empty()),
                true,
                "the code exchange",
                List.of(code));
        String token = Json.text(result.json(), "/access_token")
                .orElseThrow(() -> new ThreadsException(
                        "unreadable_response", "Threads' answer to the code exchange has no access token", false));
        String userId = Json.text(result.json(), "/user_id")
                .orElseThrow(() -> new ThreadsException(
                        "unreadable_response", "Threads' answer to the code exchange has no user id", false));
        return new ShortLivedToken(token, userId, now.plus(TokenLifetimes.SHORT_LIVED));
    }

    /**
     * Trades a short-lived token for a long-lived one ({@code GET /access_token?grant_type=th_exchange_token}),
     * valid 60 days.
     *
     * @throws ThreadsException when Threads refuses the token or cannot be reached
     */
    public Tokens longLived(String shortLivedToken) {
        AdapterBuilder.nonBlank(shortLivedToken, "shortLivedToken");
        Instant now = clock.instant();
        HttpUrl url = settings.root("access_token")
                .addQueryParameter("grant_type", "th_exchange_token")
                .addQueryParameter("client_secret", appSecret)
                .addQueryParameter("access_token", shortLivedToken)
                .build();
        HttpResult result = send(
                new Request.Builder().url(url).get().build(),
                false,
                "the long-lived token exchange",
                List.of(shortLivedToken));
        return tokensOf(result, now, Optional.empty(), "the long-lived token exchange");
    }

    /**
     * The whole connect step: {@link #exchange} then {@link #longLived}; the tokens carry the user id.
     *
     * @throws ThreadsException when Threads refuses either step or cannot be reached
     */
    public Tokens connect(String code) {
        ShortLivedToken token = exchange(code);
        Tokens tokens = longLived(token.accessToken());
        return new Tokens(tokens.accessToken(), tokens.expiresAt(), Optional.of(token.userId()));
    }

    /**
     * A fresh 60 days for a long-lived token ({@code GET /refresh_access_token?grant_type=th_refresh_token}); Meta
     * refuses tokens younger than 24 hours and expired ones.
     *
     * @throws ThreadsException when Threads refuses the token or cannot be reached
     */
    public Tokens refresh(String longLivedToken) {
        AdapterBuilder.nonBlank(longLivedToken, "longLivedToken");
        Instant now = clock.instant();
        HttpResult result = send(
                Auth.refreshRequest(settings, longLivedToken), false, "the token refresh", List.of(longLivedToken));
        return tokensOf(result, now, Optional.empty(), "the token refresh");
    }

    /**
     * The account behind a token ({@code GET /v1.0/me?fields=id,username}).
     *
     * @throws ThreadsException when Threads refuses the token or cannot be reached
     */
    public Account account(String accessToken) {
        AdapterBuilder.nonBlank(accessToken, "accessToken");
        HttpUrl url = settings.api("me")
                .addQueryParameter("fields", "id,username")
                .addQueryParameter("access_token", accessToken)
                .build();
        HttpResult result =
                send(new Request.Builder().url(url).get().build(), false, "the account request", List.of(accessToken));
        String id = Json.text(result.json(), "/id")
                .orElseThrow(() ->
                        new ThreadsException("unreadable_response", "Threads' answer to GET /me has no id", false));
        return new Account(id, Json.text(result.json(), "/username"));
    }

    private HttpResult send(Request request, boolean notRepeatable, String what, List<String> secrets) {
        HttpResult result;
        try {
            result = http.execute(request, notRepeatable);
        } catch (TransportFailure e) {
            throw new ThreadsException(
                    e.code(), String.valueOf(e.getMessage()), !e.code().equals(TransportFailure.UNEXPECTED_REDIRECT));
        }
        if (result.isSuccessful()) {
            return result;
        }
        var all = new ArrayList<>(secrets);
        all.add(appSecret);
        PublishOutcome.Failed failed = Classifier.classify(result, all, clock.instant(), Optional.empty());
        throw new ThreadsException(
                failed.code(),
                Redaction.scrub("Threads refused " + what + ": " + failed.safeMessage(), all),
                failed.kind() == FailureKind.RETRYABLE || failed.kind() == FailureKind.RATE_LIMITED);
    }

    private static Tokens tokensOf(HttpResult result, Instant now, Optional<String> userId, String what) {
        TokenEndpoint.Answer answer = TokenEndpoint.answer(result)
                .orElseThrow(() -> new ThreadsException(
                        "unreadable_response", "Threads' answer to " + what + " has no access token", false));
        Instant expiresAt = now.plusSeconds(answer.expiresIn().orElse(TokenLifetimes.LONG_LIVED.toSeconds()));
        return new Tokens(answer.accessToken(), expiresAt, userId);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ThreadsOAuth[appId=" + appId + ", redirectUri=" + redirectUri + ", scopes=" + scopes + "]";
    }

    // ------------------------------------------------------------------ values

    /**
     * Where to send the browser, and the {@code state} to keep in the user's session and compare on return.
     *
     * @param url Threads' authorization page with every parameter
     * @param state the anti-forgery value Threads hands back
     */
    public record AuthorizationRequest(URI url, String state) {
        public AuthorizationRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(state, "state");
        }

        /** Whether the {@code state} Threads sent back is this one (compared in constant time). */
        public boolean stateMatches(String returned) {
            return returned != null
                    && MessageDigest.isEqual(
                            state.getBytes(StandardCharsets.UTF_8), returned.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The code exchange's token: valid one hour; trade it with {@link #longLived}. {@link #toString()} hides it.
     *
     * @param accessToken the token
     * @param userId the Threads user id
     * @param expiresAt when it expires
     */
    public record ShortLivedToken(String accessToken, String userId, Instant expiresAt) {
        public ShortLivedToken {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "ShortLivedToken[accessToken=" + Redaction.MASK + ", userId=" + userId + ", expiresAt=" + expiresAt
                    + "]";
        }
    }

    /**
     * A long-lived token. {@link #toString()} never shows it.
     *
     * @param accessToken the token
     * @param expiresAt when it expires (60 days after it was issued or last refreshed)
     * @param userId the Threads user id, when known (from {@link #connect})
     */
    public record Tokens(String accessToken, Instant expiresAt, Optional<String> userId) {
        public Tokens {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(userId, "userId");
        }

        /** Credentials to connect the account with: {@code access_token} and {@code expires_at}. */
        public Credentials toCredentials() {
            var map = new LinkedHashMap<String, String>();
            map.put(Credentials.ACCESS_TOKEN, accessToken);
            map.put(Credentials.EXPIRES_AT, expiresAt.toString());
            return Credentials.of(map);
        }

        @Override
        public String toString() {
            return "Tokens[accessToken=" + Redaction.MASK + ", expiresAt=" + expiresAt + ", userId="
                    + userId.orElse("unknown") + "]";
        }
    }

    /**
     * A Threads account.
     *
     * @param id the Threads user id
     * @param username the username, when Threads gave it
     */
    public record Account(String id, Optional<String> username) {
        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(username, "username");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
        }

        /** Connection properties: {@value ThreadsChannel#PROPERTY_USER_ID} (and the username, when known). */
        public Map<String, String> toConnectionProperties() {
            var map = new LinkedHashMap<String, String>();
            map.put(ThreadsChannel.PROPERTY_USER_ID, id);
            username.ifPresent(name -> map.put(ThreadsChannel.PROPERTY_USERNAME, name));
            return Map.copyOf(map);
        }
    }

    /** Builder of a {@link ThreadsOAuth}; validates each setting as it is given. */
    public static final class Builder {
        private final String appId;
        private final String appSecret;
        private final URI redirectUri;
        private List<String> scopes = DEFAULT_SCOPES;
        private HttpUrl authorizeBaseUrl = HttpUrl.get("https://threads.com");
        private HttpUrl graphBaseUrl = HttpUrl.get(Settings.DEFAULT_BASE_URL);
        private final OAuthBuilder common = new OAuthBuilder();

        private Builder(String appId, String appSecret, URI redirectUri) {
            AdapterBuilder.nonBlank(appId, "appId");
            AdapterBuilder.nonBlank(appSecret, "appSecret");
            this.appId = appId;
            this.appSecret = appSecret;
            this.redirectUri = OAuthFlow.redirectUri(redirectUri);
        }

        /** The scopes to request; default {@link #DEFAULT_SCOPES}. */
        public Builder scopes(List<String> value) {
            this.scopes = OAuthFlow.scopes(value, ",");
            return this;
        }

        /** Where the authorization page is; default {@code https://threads.com}. */
        public Builder authorizeBaseUrl(String url) {
            this.authorizeBaseUrl = AdapterBuilder.url(url, "authorizeBaseUrl");
            return this;
        }

        /** Where the Graph API and its token endpoints are; default {@code https://graph.threads.net}. */
        public Builder graphBaseUrl(String url) {
            this.graphBaseUrl = AdapterBuilder.url(url, "graphBaseUrl");
            return this;
        }

        /** The host's shared OkHttp client; never shut down by Luxaris (redirects are still not followed). */
        public Builder httpClient(OkHttpClient client) {
            common.httpClient(client);
            return this;
        }

        /** The clock token expiry instants are computed with; default UTC system clock. */
        public Builder clock(Clock value) {
            common.clock(value);
            return this;
        }

        public ThreadsOAuth build() {
            return new ThreadsOAuth(this);
        }
    }
}
