package io.luxaris.channels.bluesky.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.RawResponse;
import io.luxaris.http.internal.ResetTimes;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Redaction;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Turns an unsuccessful XRPC answer into a failure the engine can act on, from the status, the XRPC error body
 * ({@code {"error":"<Name>","message":"…"}}, which may be missing: load balancers answer with HTML) and the rate-limit
 * headers ({@code RateLimit-Reset} in epoch seconds, else {@code Retry-After}).
 *
 * <table>
 *   <caption>classification</caption>
 *   <tr><th>answer</th><th>kind</th><th>code</th></tr>
 *   <tr><td>429</td><td>rate limited until the reset</td><td>{@code rate_limited}</td></tr>
 *   <tr><td>400 {@code ExpiredToken} / {@code InvalidToken}, 401</td><td>auth expired</td>
 *       <td>{@code expired_token}, {@code invalid_token}, {@code auth_required}</td></tr>
 *   <tr><td>{@code AccountTakedown}, {@code AccountDeactivated}, {@code AccountSuspended}</td><td>auth revoked</td>
 *       <td>{@code account_takedown}...</td></tr>
 *   <tr><td>400 {@code InvalidRequest} and other 400s</td><td>rejected</td>
 *       <td>{@code invalid_request} (or the error's name in snake case)</td></tr>
 *   <tr><td>403, 404, 413, 501, other 4xx</td><td>rejected</td>
 *       <td>{@code forbidden}, {@code not_found}, {@code payload_too_large}, {@code not_implemented}, {@code
 *       http_4xx}</td></tr>
 *   <tr><td>408, 500, 502, 503, 504 and other 5xx</td><td>retryable</td><td>{@code http_5xx}</td></tr>
 * </table>
 */
public final class Classifier {
    /** Longest safe message kept (the core's limit). */
    public static final int MESSAGE_LIMIT = 1_000;

    /** Headers kept in a raw response: the rate-limit headers. */
    static final List<String> RATE_HEADERS =
            List.of("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy", "retry-after");

    private Classifier() {}

    /** A raw response to store: status line, rate-limit headers and body, secret-free and truncated. */
    public static String raw(HttpResult result, Collection<String> secrets) {
        return RawResponse.of(result, RATE_HEADERS, secrets);
    }

    /** The XRPC error name of an answer ({@code ExpiredToken}, {@code InvalidRequest}...), empty when there is none. */
    public static String error(HttpResult result) {
        return Json.text(result.json(), "/error").orElse("");
    }

    /** The XRPC error message of an answer, empty when there is none. */
    public static String message(HttpResult result) {
        return Json.text(result.json(), "/message").orElse("");
    }

    /** Whether the answer says the access token is no longer (or never was) accepted. */
    public static boolean tokenRejected(HttpResult result) {
        String error = error(result);
        return (result.status() == 400 && (error.equals("ExpiredToken") || error.equals("InvalidToken")))
                || result.status() == 401;
    }

    public static PublishOutcome.Failed classify(HttpResult result, Collection<String> secrets, Instant now) {
        int status = result.status();
        String error = error(result);
        String detail = message(result);
        FailureKind kind;
        String code;
        String message;
        Optional<Instant> retryAt = Optional.empty();
        if (status == 429) {
            kind = FailureKind.RATE_LIMITED;
            code = "rate_limited";
            retryAt = resetAt(result.headers(), now);
            message = "Bluesky rate limit reached (HTTP 429"
                    + Optional.ofNullable(result.headers().get("ratelimit-policy"))
                            .map(p -> ", policy " + p)
                            .orElse("")
                    + ")" + retryAt.map(at -> "; resets at " + at).orElse("; no reset time given");
        } else if (error.startsWith("Account") && !error.equals("AccountNotFound")) {
            kind = FailureKind.AUTH_REVOKED;
            code = snake(error);
            message = "Bluesky refuses the account (" + error + suffix(detail) + "); reconnect or check the account";
        } else if (status == 400 && error.equals("ExpiredToken")) {
            kind = FailureKind.AUTH_EXPIRED;
            code = "expired_token";
            message = "the Bluesky session expired (HTTP 400 ExpiredToken" + suffix(detail) + ")";
        } else if (status == 400 && error.equals("InvalidToken")) {
            kind = FailureKind.AUTH_EXPIRED;
            code = "invalid_token";
            message = "Bluesky did not accept the session token (HTTP 400 InvalidToken" + suffix(detail) + ")";
        } else if (status == 401) {
            kind = FailureKind.AUTH_EXPIRED;
            code = "auth_required";
            message = "Bluesky did not accept the session (HTTP 401" + name(error) + suffix(detail) + ")";
        } else if (status == 400) {
            kind = FailureKind.REJECTED;
            code = error.isEmpty() ? "bad_request" : snake(error);
            message = "Bluesky rejected the request (HTTP 400" + name(error) + suffix(detail) + ")";
        } else if (status == 403) {
            kind = FailureKind.REJECTED;
            code = "forbidden";
            message = "Bluesky refused the request (HTTP 403" + name(error) + suffix(detail) + ")";
        } else if (status == 404) {
            kind = FailureKind.REJECTED;
            code = "not_found";
            message = "Bluesky does not know the method or resource (HTTP 404" + name(error) + suffix(detail)
                    + "); check the PDS URL";
        } else if (status == 413) {
            kind = FailureKind.REJECTED;
            code = "payload_too_large";
            message = "Bluesky refused the request as too large (HTTP 413" + suffix(detail) + ")";
        } else if (status == 501) {
            kind = FailureKind.REJECTED;
            code = "not_implemented";
            message = "the PDS does not implement this method (HTTP 501" + suffix(detail) + "); not retried";
        } else if (status == 408 || status >= 500) {
            kind = FailureKind.RETRYABLE;
            code = "http_" + status;
            message = "Bluesky answered HTTP " + status + name(error) + suffix(detail) + "; will try again";
        } else if (status >= 400) {
            kind = FailureKind.REJECTED;
            code = "http_" + status;
            message = "Bluesky refused the request (HTTP " + status + name(error) + suffix(detail) + ")";
        } else {
            kind = FailureKind.UNKNOWN;
            code = "http_" + status;
            message = "Bluesky answered HTTP " + status + ", which does not say whether the post was created";
        }
        return Fail.classified(kind, code, message, secrets, retryAt, raw(result, secrets));
    }

    /** When a rate limit ends: {@code RateLimit-Reset} (epoch seconds), else {@code Retry-After} (seconds or a date). */
    static Optional<Instant> resetAt(Headers headers, Instant now) {
        return ResetTimes.epochSeconds(headers.get("ratelimit-reset"))
                .or(() -> ResetTimes.retryAfter(headers.get("retry-after"), now));
    }

    /** The remaining points or requests of the limit the answer reports, when it reports one. */
    static Optional<Long> remaining(Headers headers) {
        String value = headers.get("ratelimit-remaining");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code InvalidRequest} → {@code invalid_request}. */
    static String snake(String name) {
        String out = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        out = out.replaceAll("[^a-z0-9_]", "_");
        return Redaction.truncate(out, 60);
    }

    private static String name(String error) {
        return error.isEmpty() ? "" : " " + Redaction.truncate(error, 60);
    }

    private static String suffix(String detail) {
        return detail.isBlank() ? "" : ": " + Redaction.truncate(detail, 500);
    }
}
