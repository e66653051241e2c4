package io.luxaris.channels.threads.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.RawResponse;
import io.luxaris.http.internal.ResetTimes;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;

/**
 * Turns an unsuccessful Threads answer into a failure the engine can act on, from the status, the Graph error
 * envelope ({@link GraphError}) and the throttling headers ({@code Retry-After}, and the Graph usage header {@code
 * X-Business-Use-Case-Usage} with {@code estimated_time_to_regain_access} in minutes).
 *
 * <table>
 *   <caption>classification</caption>
 *   <tr><th>answer</th><th>kind</th><th>code</th></tr>
 *   <tr><td>code 24 / subcode 4279009 ("Media Not Found")</td><td>retryable</td><td>media_not_found</td></tr>
 *   <tr><td>{@code THREADS_API__LINK_LIMIT_EXCEEDED}</td><td>rejected</td><td>link_limit_exceeded</td></tr>
 *   <tr><td>HTTP 429, codes 4, 17, 32, 613, 80001..80014</td><td>rate limited</td><td>app_rate_limited,
 *       user_rate_limited, rate_limited</td></tr>
 *   <tr><td>code 9 / subcode 2207042 (publishing limit)</td><td>rate limited</td><td>publishing_limit</td></tr>
 *   <tr><td>code 190 with subcode 458, 459, 460, 464, 467</td><td>auth revoked</td><td>token_revoked</td></tr>
 *   <tr><td>code 190 otherwise, HTTP 401</td><td>auth expired</td><td>invalid_token, unauthorized</td></tr>
 *   <tr><td>codes 10, 200..299 (permission)</td><td>auth revoked</td><td>permission_denied</td></tr>
 *   <tr><td>"does not exist" while the stored token has expired</td><td>auth expired</td><td>token_expired</td></tr>
 *   <tr><td>"does not exist" otherwise</td><td>rejected</td><td>not_found</td></tr>
 *   <tr><td>subcode 2207052 (Meta could not download the media)</td><td>rejected</td><td>media_fetch_failed</td></tr>
 *   <tr><td>{@code is_transient: true}, codes 1, 2, HTTP 408 and 5xx</td><td>retryable</td><td>temporary_error,
 *       http_5xx</td></tr>
 *   <tr><td>code 100</td><td>rejected</td><td>invalid_parameter</td></tr>
 *   <tr><td>other 4xx</td><td>rejected</td><td>http_4xx</td></tr>
 * </table>
 */
public final class Classifier {
    /** Longest safe message kept (the core's limit). */
    public static final int MESSAGE_LIMIT = 1_000;

    /** Headers kept in a raw response. */
    private static final List<String> KEPT_HEADERS =
            List.of("retry-after", "x-app-usage", "x-business-use-case-usage", "x-fb-trace-id");

    private static final Set<Integer> RATE_CODES = Set.of(4, 17, 32, 613);
    private static final Set<Integer> REVOKED_SUBCODES = Set.of(458, 459, 460, 464, 467);

    private Classifier() {}

    /** A raw response to store: status line, throttling headers and body, secret-free and cut to 4 KiB. */
    public static String raw(HttpResult result, Collection<String> secrets) {
        return RawResponse.of(result, KEPT_HEADERS, secrets);
    }

    /**
     * The failure an unsuccessful answer means.
     *
     * @param tokenExpiresAt when the token used expires, if known (Threads reports an expired token as "does not
     *     exist" at times)
     */
    public static PublishOutcome.Failed classify(
            HttpResult result, Collection<String> secrets, Instant now, Optional<Instant> tokenExpiresAt) {
        GraphError error = GraphError.of(result);
        int status = result.status();
        int code = error.code();
        String readable = error.readable();
        String detail = (readable.isEmpty() ? "" : ": " + readable) + error.codes();
        FailureKind kind;
        String failure;
        String message;
        Optional<Instant> retryAt = Optional.empty();
        if (error.isMediaNotFound()) {
            kind = FailureKind.RETRYABLE;
            failure = "media_not_found";
            message = "Threads does not find the container yet" + detail;
        } else if (error.isLinkLimit()) {
            kind = FailureKind.REJECTED;
            failure = "link_limit_exceeded";
            message = "Threads accepts at most 5 links per post" + detail;
        } else if (status == 429 || RATE_CODES.contains(code) || (code >= 80001 && code <= 80014)) {
            kind = FailureKind.RATE_LIMITED;
            failure = code == 4 ? "app_rate_limited" : code == 17 ? "user_rate_limited" : "rate_limited";
            retryAt = retryAt(result.headers(), now);
            message = "Threads throttled the request" + detail
                    + retryAt.map(at -> "; try again at " + at).orElse("; no reset time given");
        } else if (code == 9 || error.subcode() == 2207042) {
            kind = FailureKind.RATE_LIMITED;
            failure = "publishing_limit";
            retryAt = retryAt(result.headers(), now);
            message = "the account reached Threads' publishing limit" + detail;
        } else if (code == 190) {
            if (REVOKED_SUBCODES.contains(error.subcode())) {
                kind = FailureKind.AUTH_REVOKED;
                failure = "token_revoked";
                message = "Threads no longer accepts this account's token" + detail + "; reconnect the account";
            } else {
                kind = FailureKind.AUTH_EXPIRED;
                failure = "invalid_token";
                message = "Threads did not accept the access token" + detail;
            }
        } else if (code == 10 || (code >= 200 && code <= 299)) {
            kind = FailureKind.AUTH_REVOKED;
            failure = "permission_denied";
            message = "the account did not grant the permission this needs" + detail
                    + "; reconnect it with the threads_basic, threads_content_publish, threads_manage_replies and"
                    + " threads_delete permissions";
        } else if (status == 401) {
            kind = FailureKind.AUTH_EXPIRED;
            failure = "unauthorized";
            message = "Threads did not accept the access token (HTTP 401" + detail + ")";
        } else if (error.isNotFound()) {
            if (tokenExpiresAt.map(at -> !now.isBefore(at)).orElse(false)) {
                kind = FailureKind.AUTH_EXPIRED;
                failure = "token_expired";
                message = "Threads answered 'does not exist' and the access token expired at " + tokenExpiresAt.get()
                        + "; reconnect the account";
            } else {
                kind = FailureKind.REJECTED;
                failure = "not_found";
                message = "Threads does not have what the request refers to" + detail;
            }
        } else if (error.subcode() == 2207052) {
            kind = FailureKind.REJECTED;
            failure = "media_fetch_failed";
            message = "Meta could not download the media from its URL" + detail
                    + "; the host serving it must let Meta's crawler fetch it";
        } else if (error.isTransient().orElse(false) || code == 1 || code == 2 || status == 408 || status >= 500) {
            kind = FailureKind.RETRYABLE;
            failure = status >= 500 || status == 408 ? "http_" + status : "temporary_error";
            message = "Threads answered HTTP " + status + detail + "; will try again";
        } else if (code == 100) {
            kind = FailureKind.REJECTED;
            failure = "invalid_parameter";
            message = "Threads rejected the request as invalid" + detail;
        } else if (status >= 400) {
            kind = FailureKind.REJECTED;
            failure = "http_" + status;
            message = "Threads refused the request (HTTP " + status + detail + ")";
        } else {
            kind = FailureKind.UNKNOWN;
            failure = "http_" + status;
            message = "Threads answered HTTP " + status + ", which does not say whether the post was created";
        }
        return Fail.classified(kind, failure, message, secrets, retryAt, raw(result, secrets));
    }

    /**
     * When throttling ends: {@code Retry-After} (seconds or an HTTP date), else the longest {@code
     * estimated_time_to_regain_access} (minutes) of {@code X-Business-Use-Case-Usage}.
     */
    static Optional<Instant> retryAt(Headers headers, Instant now) {
        Optional<Instant> retryAfter = ResetTimes.retryAfter(headers.get("retry-after"), now);
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        String usage = headers.get("x-business-use-case-usage");
        if (usage == null) {
            return Optional.empty();
        }
        long minutes = -1;
        for (JsonNode entries : Json.read(usage)) {
            for (JsonNode entry : entries) {
                minutes = Math.max(
                        minutes,
                        Json.number(entry, "/estimated_time_to_regain_access").orElse(-1L));
            }
        }
        return minutes > 0 ? Optional.of(now.plusSeconds(minutes * 60)) : Optional.empty();
    }
}
