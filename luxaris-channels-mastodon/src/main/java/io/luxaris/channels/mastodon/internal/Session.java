package io.luxaris.channels.mastodon.internal;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.PublishContext;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One publish or lookup against one instance: the connection's instance URL and bearer token. Mastodon tokens do not
 * expire and come without a refresh token, so there is nothing to refresh; the token goes to its own instance only.
 */
final class Session {
    private final HttpUrl base;
    private final PublishContext context;
    private final PlatformHttp http;

    Session(HttpUrl base, PublishContext context, PlatformHttp http) {
        this.base = Objects.requireNonNull(base, "base");
        this.context = Objects.requireNonNull(context, "context");
        this.http = Objects.requireNonNull(http, "http");
    }

    HttpUrl base() {
        return base;
    }

    PublishContext context() {
        return context;
    }

    /** A URL under the instance, from path segments (each one encoded). */
    HttpUrl.Builder url(String... segments) {
        return Settings.url(base, segments);
    }

    /** Every secret of the connection, for scrubbing. */
    Collection<String> secrets() {
        return context.credentials().secretValues();
    }

    /** The access token; a connection without one needs reconnecting. */
    String token() throws Fail {
        return context.credentials()
                .accessToken()
                .filter(t -> !t.isBlank())
                .orElseThrow(() -> Fail.of(
                        FailureKind.AUTH_REVOKED,
                        "missing_access_token",
                        "the connection has no Mastodon access token; reconnect the account"));
    }

    /** Whether the token was granted a scope that reads the account's statuses (or its scopes are not known). */
    boolean mayReadStatuses() {
        return context.credentials()
                .get(Credentials.SCOPE)
                .map(scope -> {
                    List<String> scopes = Arrays.asList(scope.trim().split("[\\s+]+"));
                    return scopes.contains("read") || scopes.contains("read:statuses");
                })
                .orElse(true);
    }

    /** Sends {@code request} with the bearer token. */
    HttpResult call(Request.Builder request, boolean notRepeatable) throws TransportFailure, Fail {
        return http.execute(request.header("Authorization", "Bearer " + token()).build(), notRepeatable);
    }

    /** Sends {@code request} without the token (public reads). */
    HttpResult callPublic(Request.Builder request) throws TransportFailure {
        return http.execute(request.build(), false);
    }
}
