package io.luxaris.channels.x.internal;

import io.luxaris.channels.x.XCredentials;
import io.luxaris.channels.x.XOAuth1;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TokenEndpoint;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.security.Redaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates requests with the connection's credentials: OAuth 2.0 bearer tokens (refreshed ahead of expiry
 * and on a 401, the rotated pair persisted through the context before it is used) or OAuth 1.0a signatures.
 * Refreshes of one refresh token are serialized in this process, and every refresh first re-reads the stored
 * credentials, so a token another worker or node already rotated is adopted instead of being spent twice.
 */
public final class Auth {
    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);

    private final Settings settings;
    private final PlatformHttp http;
    private final TokenClient tokens;
    private final Object[] locks = new Object[64];

    public Auth(Settings settings, PlatformHttp http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = new TokenClient(http, settings.baseUrl());
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public Session session(PublishContext context) {
        return new Session(context);
    }

    /** Authentication for one publish or lookup: at most one refresh. */
    public final class Session {
        private final PublishContext context;
        private boolean refreshed;

        Session(PublishContext context) {
            this.context = Objects.requireNonNull(context, "context");
        }

        public Credentials credentials() {
            return context.credentials();
        }

        /** Persists account facts (username, user id) on the connection so other nodes and restarts have them. */
        public void rememberAccount(java.util.Map<String, String> properties) {
            context.updateConnectionProperties(properties);
        }

        public boolean isOAuth1() {
            return credentials().get(Credentials.TOKEN_SECRET).isPresent();
        }

        /** Every secret this session has seen, for scrubbing. */
        public Collection<String> secrets() {
            var all = new ArrayList<>(credentials().secretValues());
            settings.clientSecret().ifPresent(all::add);
            settings.consumerSecret().ifPresent(all::add);
            return all;
        }

        /**
         * Makes sure an OAuth 2.0 access token is usable before the first call: refreshes it when it expires within
         * the configured margin (or is missing).
         */
        public void ensureFresh() throws Fail {
            if (isOAuth1() || settings.dryRun()) {
                return;
            }
            Credentials credentials = credentials();
            Instant now = context.clock().instant();
            boolean missing = credentials.accessToken().isEmpty();
            Optional<Instant> expiresAt = credentials.expiresAt();
            boolean expiring =
                    expiresAt.isPresent() && !now.plus(settings.refreshAhead()).isBefore(expiresAt.get());
            if (!missing && !expiring) {
                return;
            }
            if (credentials.refreshToken().isEmpty()) {
                if (missing) {
                    throw Fail.of(
                            FailureKind.AUTH_REVOKED,
                            "missing_access_token",
                            "the connection has no X access token; reconnect the account");
                }
                if (!now.isBefore(expiresAt.get())) {
                    throw Fail.of(
                            FailureKind.AUTH_EXPIRED,
                            "token_expired",
                            "the X access token expired and there is no refresh token; reconnect the account");
                }
                return;
            }
            failUnlessRefreshed(refresh());
        }

        /**
         * Sends the request {@code build} makes, authenticated. On a 401 with OAuth 2.0 it refreshes once and sends
         * a newly built request again; the answer to that second request is returned as it is.
         */
        public HttpResult call(Supplier<Request> build, boolean notRepeatable) throws TransportFailure, Fail {
            HttpResult result = http.execute(authorize(build.get()), notRepeatable);
            if (result.status() == 401 && !isOAuth1() && !refreshed && !settings.dryRun()) {
                LOG.debug("X answered 401 to {}; refreshing the access token once", result.path());
                RefreshResult refresh = refresh();
                if (refresh instanceof RefreshResult.Unsupported) {
                    return result;
                }
                failUnlessRefreshed(refresh);
                result = http.execute(authorize(build.get()), notRepeatable);
            }
            return result;
        }

        private void failUnlessRefreshed(RefreshResult refresh) throws Fail {
            if (refresh instanceof RefreshResult.Revoked r) {
                throw Fail.of(FailureKind.AUTH_REVOKED, r.code(), r.safeMessage());
            }
            if (refresh instanceof RefreshResult.TransientFailure t) {
                throw Fail.of(FailureKind.RETRYABLE, t.code(), t.safeMessage());
            }
            if (refresh instanceof RefreshResult.Unsupported) {
                throw Fail.of(
                        FailureKind.AUTH_EXPIRED,
                        "token_expired",
                        "the X access token expired and cannot be refreshed; reconnect the account");
            }
        }

        /** Adds the {@code Authorization} header for the current credentials. */
        public Request authorize(Request request) throws Fail {
            Credentials credentials = credentials();
            String token = credentials.accessToken().orElse("");
            if (isOAuth1()) {
                Optional<String> key = settings.consumerKey().or(() -> credentials.get(XCredentials.CONSUMER_KEY));
                Optional<String> secret =
                        settings.consumerSecret().or(() -> credentials.get(XCredentials.CONSUMER_SECRET));
                if (key.isEmpty() || secret.isEmpty() || token.isEmpty()) {
                    throw Fail.of(
                            FailureKind.REJECTED,
                            "oauth1_not_configured",
                            "OAuth 1.0a credentials need a consumer key and secret (configure them on the X channel)"
                                    + " and an access token");
                }
                var form = new LinkedHashMap<String, String>();
                if (request.body() instanceof FormBody body) {
                    for (int i = 0; i < body.size(); i++) {
                        form.put(body.name(i), body.value(i));
                    }
                }
                String header = XOAuth1.of(key.get(), secret.get(), context.clock())
                        .authorizationHeader(
                                request.method(),
                                request.url().toString(),
                                form,
                                token,
                                credentials.get(Credentials.TOKEN_SECRET).orElse(""));
                return request.newBuilder().header("Authorization", header).build();
            }
            return request.newBuilder()
                    .header("Authorization", "Bearer " + token)
                    .build();
        }

        /**
         * Refreshes the OAuth 2.0 token pair: re-reads the stored credentials (another worker may have rotated them
         * already), calls the token endpoint, and saves the rotated pair through the context before anything uses
         * it. Never reports a transient problem as revoked.
         */
        public RefreshResult refresh() {
            if (isOAuth1()) {
                return new RefreshResult.Unsupported();
            }
            Credentials start = credentials();
            Optional<String> startRefresh =
                    start.refreshToken().or(() -> context.reloadCredentials().refreshToken());
            if (startRefresh.isEmpty()) {
                return new RefreshResult.Unsupported();
            }
            synchronized (locks[Math.floorMod(startRefresh.get().hashCode(), locks.length)]) {
                Credentials current = context.reloadCredentials();
                Instant now = context.clock().instant();
                if (!current.accessToken().equals(start.accessToken())
                        && current.accessToken().isPresent()
                        && current.expiresAt()
                                .map(at -> now.plus(settings.refreshAhead()).isBefore(at))
                                .orElse(true)) {
                    LOG.debug("the X token was rotated elsewhere meanwhile; using the stored one");
                    refreshed = true;
                    return new RefreshResult.Refreshed();
                }
                Optional<String> refreshToken = current.refreshToken();
                if (refreshToken.isEmpty()) {
                    return new RefreshResult.Unsupported();
                }
                if (current.refreshExpiresAt().map(at -> !now.isBefore(at)).orElse(false)) {
                    return new RefreshResult.Revoked(
                            "refresh_token_expired", "the X refresh token expired; reconnect the account");
                }
                Optional<String> clientId = settings.clientId().or(() -> current.get(XCredentials.CLIENT_ID));
                if (clientId.isEmpty()) {
                    LOG.warn("cannot refresh an X token: no OAuth 2.0 client id is configured on the X channel"
                            + " or stored with the connection");
                    return new RefreshResult.Unsupported();
                }
                Optional<String> clientSecret =
                        settings.clientSecret().or(() -> current.get(XCredentials.CLIENT_SECRET));
                HttpResult result;
                try {
                    result = tokens.refresh(refreshToken.get(), clientId.get(), clientSecret);
                } catch (TransportFailure e) {
                    return new RefreshResult.TransientFailure(
                            "refresh_" + e.code(), "refreshing the X token failed: " + e.getMessage());
                }
                Optional<TokenClient.Grant> grant = TokenClient.grant(result, now);
                if (grant.isPresent()) {
                    Credentials rotated = rotated(current, grant.get());
                    try {
                        context.saveCredentials(rotated);
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "X rotated the token pair but saving it failed ({}); the new pair is not used",
                                e.getClass().getSimpleName());
                        return new RefreshResult.TransientFailure(
                                "credentials_not_saved", "the refreshed X token could not be saved");
                    }
                    refreshed = true;
                    LOG.debug(
                            "refreshed the X access token (refresh token rotated: {})",
                            grant.get().refreshToken().isPresent());
                    return new RefreshResult.Refreshed();
                }
                String error = TokenEndpoint.error(result).orElse("");
                String description = TokenEndpoint.errorDescription(result)
                        .map(d -> ": " + Redaction.truncate(d, 200))
                        .orElse("");
                int status = result.status();
                if (status == 400 || status == 401 || status == 403) {
                    String code = error.isEmpty() ? "refresh_rejected" : "refresh_" + error;
                    return new RefreshResult.Revoked(
                            Redaction.truncate(code, 60),
                            Redaction.scrub(
                                    "X refused the stored refresh token (HTTP " + status
                                            + (error.isEmpty() ? "" : ", " + error) + description
                                            + "); reconnect the account",
                                    secrets()));
                }
                if (result.isSuccessful()) {
                    return new RefreshResult.TransientFailure(
                            "refresh_unreadable", "X's answer to the token refresh had no access token");
                }
                return new RefreshResult.TransientFailure(
                        "refresh_http_" + status, "refreshing the X token failed with HTTP " + status);
            }
        }

        private Credentials rotated(Credentials current, TokenClient.Grant grant) {
            Credentials next = current.with(Credentials.ACCESS_TOKEN, grant.accessToken());
            if (grant.refreshToken().isPresent()) {
                next = next.with(Credentials.REFRESH_TOKEN, grant.refreshToken().get());
            }
            next = grant.expiresAt().isPresent()
                    ? next.with(Credentials.EXPIRES_AT, grant.expiresAt().get().toString())
                    : next.without(Credentials.EXPIRES_AT);
            if (grant.scope().isPresent()) {
                next = next.with(Credentials.SCOPE, grant.scope().get());
            }
            return next;
        }
    }
}
