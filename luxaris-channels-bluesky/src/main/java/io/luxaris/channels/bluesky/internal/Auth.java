package io.luxaris.channels.bluesky.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.channels.bluesky.BlueskyChannel;
import io.luxaris.channels.bluesky.BlueskyCredentials;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.security.Redaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App-password sessions. A connection's credentials hold its app password and, once it logged in, the session
 * ({@code accessJwt} as the access token, {@code refreshJwt} as the refresh token), which every later attempt
 * reuses: Bluesky allows 30 logins per 5 minutes per account, so a login happens only when there is no session or
 * its refresh token is no longer accepted. An access token Bluesky no longer accepts (HTTP 400 {@code ExpiredToken}
 * or {@code InvalidToken}, or 401) is refreshed ({@code refreshSession}, which rotates both tokens) and the call sent
 * once more. Every new session is saved through the context before it is used, and the account's DID and handle go
 * to the connection's properties. Renewals of one connection are serialized in this process and first re-read the
 * stored credentials, so a session another worker or node already renewed is adopted instead of renewed twice.
 * Tokens are opaque: their lifetime is never read from them.
 */
public final class Auth {
    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);

    private final Settings settings;
    private final PlatformHttp http;
    private final LoginBudget logins;
    private final Map<ConnectionId, Account> accounts = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[64];

    public Auth(Settings settings, PlatformHttp http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.logins = new LoginBudget(settings.loginsPerWindow(), Settings.LOGIN_WINDOW);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The account a session belongs to. */
    public record Account(String did, Optional<String> handle) {
        public Account {
            Objects.requireNonNull(did, "did");
            Objects.requireNonNull(handle, "handle");
        }
    }

    public Session session(PublishContext context, ChannelConnection connection) {
        return new Session(context, connection.id(), connection.properties());
    }

    /** A session for a connection that Luxaris does not store (a host deleting a post with its own credentials). */
    public Session session(PublishContext context, ConnectionId id, Map<String, String> properties) {
        return new Session(context, id, properties);
    }

    void clear() {
        accounts.clear();
        logins.clear();
    }

    /** Authentication for one publish, lookup or delete: at most one renewal. */
    public final class Session {
        private final PublishContext context;
        private final ConnectionId connection;
        private final Map<String, String> properties;
        private final java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        private boolean renewed;

        Session(PublishContext context, ConnectionId connection, Map<String, String> properties) {
            this.context = Objects.requireNonNull(context, "context");
            this.connection = Objects.requireNonNull(connection, "connection");
            this.properties = Map.copyOf(properties);
            seen.addAll(context.credentials().secretValues());
        }

        public Credentials credentials() {
            return context.credentials();
        }

        /** Every secret this session has seen (a token it replaced too: Bluesky may echo it), for scrubbing. */
        public Collection<String> secrets() {
            synchronized (seen) {
                seen.addAll(credentials().secretValues());
                return new ArrayList<>(seen);
            }
        }

        /** The handle or DID to log in with: the connection property, else the credentials' value. */
        public Optional<String> identifier() {
            return property(BlueskyChannel.PROPERTY_IDENTIFIER)
                    .or(() -> credentials().get(BlueskyCredentials.IDENTIFIER).map(String::strip))
                    .or(() -> property(BlueskyChannel.PROPERTY_DID))
                    .or(() -> property(BlueskyChannel.PROPERTY_HANDLE))
                    .map(id -> id.startsWith("@") ? id.substring(1) : id)
                    .filter(id -> !id.isEmpty());
        }

        /**
         * The account's DID, the repository posts go to: from this process's last login, the connection's property,
         * or the identifier when it is a DID. Empty when only a handle is known (resolve it).
         */
        public Optional<String> did() {
            Account account = accounts.get(connection);
            if (account != null) {
                return Optional.of(account.did());
            }
            return property(BlueskyChannel.PROPERTY_DID)
                    .filter(d -> d.startsWith("did:"))
                    .or(() -> identifier().filter(i -> i.startsWith("did:")));
        }

        /** The handle, when known, without {@code @}. */
        public Optional<String> handle() {
            Account account = accounts.get(connection);
            if (account != null && account.handle().isPresent()) {
                return account.handle();
            }
            return property(BlueskyChannel.PROPERTY_HANDLE)
                    .or(() -> identifier().filter(i -> !i.startsWith("did:")))
                    .map(h -> h.startsWith("@") ? h.substring(1) : h);
        }

        /** Keeps the account's DID (resolved from its handle) in memory and on the connection. */
        public void rememberDid(String did) {
            accounts.put(connection, new Account(did, handle()));
            try {
                context.updateConnectionProperties(Map.of(BlueskyChannel.PROPERTY_DID, did));
            } catch (RuntimeException e) {
                LOG.debug(
                        "could not store the Bluesky account's DID: {}",
                        e.getClass().getSimpleName());
            }
        }

        private Optional<String> property(String key) {
            return Optional.ofNullable(properties.get(key)).map(String::strip).filter(v -> !v.isEmpty());
        }

        /** Makes sure there is a session to call with: logs in when the credentials hold none. */
        public void ensureSession() throws Fail {
            if (settings.dryRun() || credentials().accessToken().isPresent()) {
                return;
            }
            synchronized (lock()) {
                Credentials current = context.reloadCredentials();
                if (current.accessToken().isPresent()) {
                    return;
                }
                login(current);
            }
        }

        /**
         * Sends the request {@code build} makes with the session's access token. When Bluesky no longer accepts it,
         * the session is renewed once and a newly built request sent again; the answer to that is returned as it is.
         */
        public HttpResult call(Supplier<Request> build, boolean notRepeatable) throws TransportFailure, Fail {
            String access = accessToken();
            HttpResult result = http.execute(authorize(build.get(), access), notRepeatable);
            if (!settings.dryRun() && !renewed && Classifier.tokenRejected(result)) {
                LOG.debug(
                        "Bluesky did not accept the access token for {} (HTTP {} {}); renewing the session once",
                        result.path(),
                        result.status(),
                        Classifier.error(result));
                try {
                    renew(access);
                } catch (Fail f) {
                    // keep what Bluesky said about the refused token with the renewal's failure
                    PublishOutcome.Failed failed = f.failed();
                    if (failed.rawResponse().isEmpty()) {
                        throw new Fail(failed.withRawResponse(Classifier.raw(result, secrets())));
                    }
                    throw f;
                }
                secrets();
                result = http.execute(authorize(build.get(), accessToken()), notRepeatable);
            }
            return result;
        }

        private String accessToken() {
            return credentials().accessToken().orElse(settings.dryRun() ? "dry-run" : "");
        }

        private Request authorize(Request request, String access) {
            return request.newBuilder()
                    .header("Authorization", "Bearer " + access)
                    .build();
        }

        /** Renewal asked for by the engine (after an auth-expired outcome). */
        public RefreshResult refresh() {
            if (settings.dryRun()) {
                return new RefreshResult.Unsupported();
            }
            try {
                renew(credentials().accessToken().orElse(""));
                return new RefreshResult.Refreshed();
            } catch (Fail f) {
                PublishOutcome.Failed failed = f.failed();
                if (failed.kind() == FailureKind.AUTH_REVOKED) {
                    return new RefreshResult.Revoked(failed.code(), failed.safeMessage());
                }
                return new RefreshResult.TransientFailure(failed.code(), failed.safeMessage());
            }
        }

        /**
         * A new session in place of the one whose access token {@code rejected} was refused: the one another worker
         * stored meanwhile, else a refreshed one, else (no refresh token, or Bluesky refuses it) a new login.
         */
        private void renew(String rejected) throws Fail {
            synchronized (lock()) {
                renewed = true;
                Credentials current = context.reloadCredentials();
                Optional<String> stored = current.accessToken();
                if (stored.isPresent() && !stored.get().equals(rejected)) {
                    LOG.debug("the Bluesky session was renewed elsewhere meanwhile; using the stored one");
                    return;
                }
                Optional<String> refreshToken = current.refreshToken();
                if (refreshToken.isPresent()) {
                    HttpResult result;
                    try {
                        result = http.execute(
                                new Request.Builder()
                                        .url(settings.xrpc(Http.REFRESH_SESSION).build())
                                        .header("Authorization", "Bearer " + refreshToken.get())
                                        .post(RequestBody.create(new byte[0], null))
                                        .build(),
                                true);
                    } catch (TransportFailure e) {
                        // the old refresh token stays valid for a grace period: trying again later is safe
                        throw Fail.of(
                                e.kindBeforeCreating(),
                                "refresh_" + e.code(),
                                "refreshing the Bluesky session failed: " + e.getMessage());
                    }
                    if (result.isSuccessful()) {
                        adopt(current, result, "refreshed");
                        return;
                    }
                    if (!Classifier.tokenRejected(result)) {
                        throw failure(result, "refresh", "refreshing the Bluesky session");
                    }
                    LOG.info(
                            "Bluesky refused the stored refresh token of connection {} (HTTP {} {}); logging in again"
                                    + " with the app password",
                            connection,
                            result.status(),
                            Classifier.error(result));
                }
                login(current);
            }
        }

        /** {@code createSession} with the identifier and app password; the session is saved before it is used. */
        private void login(Credentials current) throws Fail {
            Optional<String> password = current.get(BlueskyCredentials.APP_PASSWORD);
            Optional<String> identifier = identifier();
            if (password.isEmpty()) {
                throw Fail.of(
                        FailureKind.AUTH_REVOKED,
                        "missing_app_password",
                        "the Bluesky session cannot be renewed: no app password is stored with the connection;"
                                + " reconnect the account");
            }
            if (identifier.isEmpty()) {
                throw Fail.of(
                        FailureKind.AUTH_REVOKED,
                        "missing_identifier",
                        "the Bluesky connection has no handle or DID to log in with (connection property "
                                + BlueskyChannel.PROPERTY_IDENTIFIER + "); reconnect the account");
            }
            Instant now = context.clock().instant();
            Optional<Instant> next = logins.take(identifier.get(), now);
            if (next.isPresent()) {
                throw Fail.rateLimited(
                        "login_budget",
                        "this process logged in to this Bluesky account " + settings.loginsPerWindow()
                                + " times within " + Settings.LOGIN_WINDOW.toMinutes()
                                + " minutes (Bluesky allows 30); the next login is possible at " + next.get(),
                        next);
            }
            var body = Json.object().put("identifier", identifier.get()).put("password", password.get());
            HttpResult result;
            try {
                result = http.execute(
                        new Request.Builder()
                                .url(settings.xrpc(Http.CREATE_SESSION).build())
                                .post(RequestBody.create(Json.write(body), PlatformHttp.JSON))
                                .build(),
                        true);
            } catch (TransportFailure e) {
                throw Fail.of(
                        e.kindBeforeCreating(), "login_" + e.code(), "logging in to Bluesky failed: " + e.getMessage());
            }
            if (!result.isSuccessful()) {
                String error = Classifier.error(result);
                int status = result.status();
                if (status == 400 || status == 401) {
                    String code;
                    String message;
                    if (error.equals("AuthFactorTokenRequired")) {
                        code = "auth_factor_token_required";
                        message = "Bluesky asks for an email sign-in code: connect the account with an app password"
                                + " (app passwords need no code)";
                    } else if (error.startsWith("Account")) {
                        code = Classifier.snake(error);
                        message = "Bluesky refuses the account (" + error + "); it cannot post";
                    } else {
                        code = "invalid_credentials";
                        message = "Bluesky refused the identifier or app password (HTTP " + status
                                + (error.isEmpty() ? "" : " " + error)
                                + Optional.of(Classifier.message(result))
                                        .filter(m -> !m.isBlank())
                                        .map(m -> ": " + Redaction.truncate(m, 200))
                                        .orElse("")
                                + "); the app password may have been revoked: reconnect the account";
                    }
                    throw new Fail(new PublishOutcome.Failed(
                            FailureKind.AUTH_REVOKED,
                            code,
                            Redaction.scrub(message, secrets()),
                            Optional.empty(),
                            Optional.of(Classifier.raw(result, secrets())),
                            Map.of()));
                }
                throw failure(result, "login", "logging in to Bluesky");
            }
            JsonNode json = result.json();
            if (json.path("active").isBoolean() && !json.path("active").asBoolean()) {
                String why = Json.text(json, "/status").orElse("inactive");
                throw Fail.of(
                        FailureKind.AUTH_REVOKED,
                        "account_" + Classifier.snake(why),
                        "the Bluesky account is " + Redaction.truncate(why, 40) + "; it cannot post");
            }
            adopt(current, result, "logged in");
        }

        /** Saves the session of a {@code createSession} or {@code refreshSession} answer, then uses it. */
        private void adopt(Credentials current, HttpResult result, String what) throws Fail {
            JsonNode json = result.json();
            Optional<String> access = Json.text(json, "/accessJwt");
            Optional<String> refresh = Json.text(json, "/refreshJwt");
            Optional<String> did = Json.text(json, "/did").filter(d -> d.startsWith("did:"));
            if (access.isEmpty() || refresh.isEmpty() || did.isEmpty()) {
                throw Fail.of(
                        FailureKind.RETRYABLE,
                        "session_unreadable",
                        "Bluesky's answer (" + what + ") had no session tokens or DID");
            }
            Credentials next =
                    current.with(Credentials.ACCESS_TOKEN, access.get()).with(Credentials.REFRESH_TOKEN, refresh.get());
            try {
                context.saveCredentials(next);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Bluesky {} but saving the session failed ({}); the new session is not used",
                        what,
                        e.getClass().getSimpleName());
                throw Fail.of(
                        FailureKind.RETRYABLE,
                        "credentials_not_saved",
                        "the new Bluesky session could not be saved; it is not used");
            }
            Optional<String> handle = Json.text(json, "/handle");
            Account account = new Account(did.get(), handle);
            accounts.put(connection, account);
            var facts = new LinkedHashMap<String, String>();
            facts.put(BlueskyChannel.PROPERTY_DID, account.did());
            handle.ifPresent(h -> facts.put(BlueskyChannel.PROPERTY_HANDLE, h));
            try {
                context.updateConnectionProperties(facts);
            } catch (RuntimeException e) {
                LOG.debug(
                        "could not store the Bluesky account's DID and handle: {}",
                        e.getClass().getSimpleName());
            }
            LOG.debug("Bluesky {} for connection {} ({})", what, connection, account.did());
        }

        private Fail failure(HttpResult result, String prefix, String what) {
            PublishOutcome.Failed failed =
                    Classifier.classify(result, secrets(), context.clock().instant());
            FailureKind kind = failed.kind() == FailureKind.RATE_LIMITED
                    ? FailureKind.RATE_LIMITED
                    : failed.kind() == FailureKind.REJECTED ? FailureKind.REJECTED : FailureKind.RETRYABLE;
            return new Fail(new PublishOutcome.Failed(
                    kind,
                    prefix + "_" + failed.code(),
                    Redaction.truncate(what + ": " + failed.safeMessage(), Classifier.MESSAGE_LIMIT),
                    failed.retryAt(),
                    failed.rawResponse(),
                    Map.of()));
        }

        private Object lock() {
            return locks[Math.floorMod(connection.hashCode(), locks.length)];
        }
    }
}
