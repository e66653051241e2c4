package io.luxaris.channels.threads.internal;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TokenEndpoint;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.RefreshResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's long-lived token: put on each request (Threads takes it as the {@code access_token} query or
 * form field), refreshed ahead of its 60 days with {@code GET /refresh_access_token?grant_type=th_refresh_token}
 * and saved through the context before it is used. Meta refreshes only a token that has not expired, so an expired
 * one means reconnecting. Refreshes of one token are serialized in this process, and every refresh first re-reads
 * the stored credentials, so a token another worker or node refreshed meanwhile is adopted.
 */
public final class Auth {
    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);

    private final Settings settings;
    private final PlatformHttp http;
    private final Object[] locks = new Object[64];

    public Auth(Settings settings, PlatformHttp http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public Session session(PublishContext context) {
        return new Session(context);
    }

    /** {@code GET /refresh_access_token?grant_type=th_refresh_token&access_token=...} (repeating it is harmless). */
    public static Request refreshRequest(Settings settings, String token) {
        HttpUrl url = settings.root("refresh_access_token")
                .addQueryParameter("grant_type", "th_refresh_token")
                .addQueryParameter("access_token", token)
                .build();
        return new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .get()
                .build();
    }

    /** Authentication for one publish or lookup. */
    public final class Session {
        private final PublishContext context;

        Session(PublishContext context) {
            this.context = Objects.requireNonNull(context, "context");
        }

        public PublishContext context() {
            return context;
        }

        public Credentials credentials() {
            return context.credentials();
        }

        /** When the token in use expires, if the credentials say. */
        public Optional<Instant> expiresAt() {
            return credentials().expiresAt();
        }

        /** Every secret this session has seen, for scrubbing. */
        public Collection<String> secrets() {
            return new ArrayList<>(credentials().secretValues());
        }

        /**
         * Makes sure the token can be used: refused when missing or expired (an expired long-lived token cannot be
         * refreshed); refreshed, and saved before use, when it expires within the configured margin. A refresh that
         * fails while the token is still valid does not stop the publish: the token is used as it is.
         */
        public void ensureFresh() throws Fail {
            Credentials credentials = credentials();
            if (credentials.accessToken().isEmpty()) {
                throw Fail.of(
                        FailureKind.AUTH_REVOKED,
                        "missing_access_token",
                        "the connection has no Threads access token; reconnect the account");
            }
            if (settings.dryRun()) {
                return;
            }
            Optional<Instant> expiresAt = credentials.expiresAt();
            if (expiresAt.isEmpty()) {
                return;
            }
            Instant now = context.clock().instant();
            if (!now.isBefore(expiresAt.get())) {
                throw Fail.of(
                        FailureKind.AUTH_EXPIRED,
                        "token_expired",
                        "the Threads access token expired at " + expiresAt.get()
                                + "; an expired token cannot be refreshed: reconnect the account");
            }
            if (now.plus(settings.refreshAhead()).isBefore(expiresAt.get())) {
                return;
            }
            RefreshResult result = refresh();
            if (!(result instanceof RefreshResult.Refreshed)) {
                LOG.warn(
                        "the Threads token expiring at {} was not refreshed ({}); using it as it is",
                        expiresAt.get(),
                        describe(result));
            }
        }

        /** Sends a GET (or DELETE) to {@code url} with the token as the {@code access_token} query field. */
        public HttpResult get(HttpUrl url) throws TransportFailure, Fail {
            return http.execute(new Request.Builder().url(withToken(url)).get().build(), false);
        }

        /** Sends a DELETE to {@code url} with the token as the {@code access_token} query field. */
        public HttpResult delete(HttpUrl url) throws TransportFailure, Fail {
            return http.execute(
                    new Request.Builder().url(withToken(url)).delete().build(), false);
        }

        /**
         * POSTs {@code fields} (then the token) as a form to {@code url}. {@code notRepeatable}: the HTTP client
         * must never repeat it on its own (publishing).
         */
        public HttpResult post(HttpUrl url, Map<String, String> fields, boolean notRepeatable)
                throws TransportFailure, Fail {
            var form = new FormBody.Builder();
            fields.forEach(form::add);
            form.add("access_token", token());
            return http.execute(
                    new Request.Builder().url(url).post(form.build()).build(), notRepeatable);
        }

        private HttpUrl withToken(HttpUrl url) throws Fail {
            return url.newBuilder().addQueryParameter("access_token", token()).build();
        }

        private String token() throws Fail {
            return credentials()
                    .accessToken()
                    .orElseThrow(() -> Fail.of(
                            FailureKind.AUTH_REVOKED,
                            "missing_access_token",
                            "the connection has no Threads access token; reconnect the account"));
        }

        /**
         * Refreshes the long-lived token: re-reads the stored credentials (another worker may have refreshed them
         * already), asks Meta for a fresh 60 days, and saves the new token through the context before anything uses
         * it. An expired token is never sent (Meta refuses it): that is {@code Revoked}, the user must reconnect.
         */
        public RefreshResult refresh() {
            if (settings.dryRun()) {
                return new RefreshResult.Unsupported();
            }
            Credentials start = credentials();
            Optional<String> startToken = start.accessToken();
            if (startToken.isEmpty()) {
                return new RefreshResult.Revoked(
                        "missing_access_token", "the connection has no Threads access token; reconnect the account");
            }
            synchronized (locks[Math.floorMod(startToken.get().hashCode(), locks.length)]) {
                Credentials current = context.reloadCredentials();
                Instant now = context.clock().instant();
                Optional<String> token = current.accessToken();
                if (token.isEmpty()) {
                    return new RefreshResult.Revoked(
                            "missing_access_token",
                            "the connection has no Threads access token; reconnect the account");
                }
                if (!token.equals(startToken)
                        && current.expiresAt()
                                .map(at -> now.plus(settings.refreshAhead()).isBefore(at))
                                .orElse(true)) {
                    LOG.debug("the Threads token was refreshed elsewhere meanwhile; using the stored one");
                    return new RefreshResult.Refreshed();
                }
                if (current.expiresAt().map(at -> !now.isBefore(at)).orElse(false)) {
                    return new RefreshResult.Revoked(
                            "token_expired",
                            "the Threads access token expired at "
                                    + current.expiresAt().get()
                                    + "; an expired token cannot be refreshed: reconnect the account");
                }
                HttpResult result;
                try {
                    result = http.execute(refreshRequest(settings, token.get()), false);
                } catch (TransportFailure e) {
                    return new RefreshResult.TransientFailure(
                            "refresh_" + e.code(), "refreshing the Threads token failed: " + e.getMessage());
                }
                Optional<TokenEndpoint.Answer> answer = TokenEndpoint.answer(result);
                if (answer.isPresent()) {
                    Credentials refreshed = current.with(
                                    Credentials.ACCESS_TOKEN, answer.get().accessToken())
                            .with(
                                    Credentials.EXPIRES_AT,
                                    now.plusSeconds(answer.get()
                                                    .expiresIn()
                                                    .orElse(TokenLifetimes.LONG_LIVED.toSeconds()))
                                            .toString());
                    try {
                        context.saveCredentials(refreshed);
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "Threads refreshed the token but saving it failed ({}); the new token is not used",
                                e.getClass().getSimpleName());
                        return new RefreshResult.TransientFailure(
                                "credentials_not_saved", "the refreshed Threads token could not be saved");
                    }
                    LOG.debug("refreshed the Threads access token");
                    return new RefreshResult.Refreshed();
                }
                if (result.isSuccessful()) {
                    return new RefreshResult.TransientFailure(
                            "refresh_unreadable", "Threads' answer to the token refresh had no access token");
                }
                var failed = Classifier.classify(result, secrets(), now, current.expiresAt());
                return switch (failed.kind()) {
                    case RETRYABLE, RATE_LIMITED, UNKNOWN ->
                        new RefreshResult.TransientFailure("refresh_" + failed.code(), failed.safeMessage());
                    default ->
                        new RefreshResult.Revoked(
                                "refresh_" + failed.code(),
                                "Threads refused to refresh the token (" + failed.safeMessage()
                                        + "); reconnect the account");
                };
            }
        }
    }

    private static String describe(RefreshResult result) {
        if (result instanceof RefreshResult.Revoked r) {
            return r.code();
        }
        if (result instanceof RefreshResult.TransientFailure t) {
            return t.code();
        }
        return "unsupported";
    }
}
