package io.luxaris.channels.mastodon.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.RawResponse;
import io.luxaris.http.internal.ResetTimes;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Redaction;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Turns an unsuccessful Mastodon answer into a failure the engine can act on. "The most important part of an error
 * is the HTTP status code" (Mastodon's docs); the body ({@code {"error": "...", "error_description": "..."}}) refines
 * it: which 422 it is, which 403. Rate limits carry {@code X-RateLimit-Reset} as an ISO 8601 timestamp.
 *
 * <p>On the call that creates a status, answers that do not prove the status was not created are {@code UNKNOWN}
 * (500, 502, 504 and other 5xx: a gateway may give up while the instance goes on); only 503 ({@code
 * RaceConditionError}, which the docs say to retry) and 408 are retryable there. Before anything is created every
 * 5xx is retryable.
 */
public final class Classifier {
    /** Longest safe message kept (the core's limit). */
    public static final int MESSAGE_LIMIT = 1_000;

    /** Headers kept in a raw response: Mastodon's rate-limit headers. */
    private static final List<String> RATE_HEADERS =
            List.of("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after");

    /** What the instance answers when a status names media it is still processing. */
    static final String NOT_PROCESSED = "media_not_processed";

    private Classifier() {}

    /** A raw response to store: status line, rate-limit headers and body, secret-free and truncated. */
    public static String raw(HttpResult result, Collection<String> secrets) {
        return RawResponse.of(result, RATE_HEADERS, secrets);
    }

    /**
     * The failure an answer means; {@code creating} when the request was the one that creates a status (where an
     * ambiguous server error is unknown, not retryable).
     */
    public static PublishOutcome.Failed classify(
            HttpResult result, Collection<String> secrets, Instant now, boolean creating) {
        String error = error(result);
        String lower = error.toLowerCase(Locale.ROOT);
        int status = result.status();
        FailureKind kind;
        String code;
        String message;
        Optional<Instant> retryAt = Optional.empty();
        if (status == 429) {
            kind = FailureKind.RATE_LIMITED;
            code = "rate_limited";
            retryAt = rateLimitReset(result.headers(), now);
            message = "Mastodon rate limit reached (HTTP 429" + suffix(error) + ")"
                    + retryAt.map(at -> "; resets at " + at).orElse("; no reset time given");
        } else if (status == 401) {
            // Mastodon tokens do not expire: a token is refused only after the user or the app revoked it
            kind = FailureKind.AUTH_REVOKED;
            code = "invalid_token";
            message = "Mastodon did not accept the access token (HTTP 401" + suffix(error)
                    + "); it was revoked, reconnect the account";
        } else if (status == 403) {
            if (lower.contains("scope")) {
                kind = FailureKind.AUTH_REVOKED;
                code = "insufficient_scope";
                message = "the access token lacks a scope this needs (HTTP 403" + suffix(error)
                        + "); reconnect the account granting write:statuses and write:media";
            } else {
                kind = FailureKind.REJECTED;
                if (lower.contains("disabled") || lower.contains("suspended")) {
                    code = "account_disabled";
                } else if (lower.contains("confirm")) {
                    code = "account_unconfirmed";
                } else if (lower.contains("approv")) {
                    code = "account_pending_approval";
                } else {
                    code = "forbidden";
                }
                message = "Mastodon refused the request (HTTP 403" + suffix(error) + ")";
            }
        } else if (status == 422) {
            if (lower.contains("not finished processing")) {
                kind = FailureKind.RETRYABLE;
                code = NOT_PROCESSED;
                message = "Mastodon has not finished processing the attached media (HTTP 422" + suffix(error)
                        + "); will try again";
            } else {
                kind = FailureKind.REJECTED;
                if (lower.contains("character limit") || lower.contains("too long")) {
                    code = "too_long";
                } else if (lower.contains("can't be blank") || lower.contains("blank")) {
                    code = "blank_status";
                } else {
                    code = "validation_failed";
                }
                message = "Mastodon refused the status (HTTP 422" + suffix(error) + ")";
            }
        } else if (status == 404) {
            kind = FailureKind.REJECTED;
            code = "not_found";
            message = "Mastodon did not find what the request refers to (HTTP 404" + suffix(error) + ")";
        } else if (status == 410) {
            kind = FailureKind.REJECTED;
            code = "gone";
            message = "Mastodon no longer has what the request refers to (HTTP 410" + suffix(error) + ")";
        } else if (status == 413) {
            kind = FailureKind.REJECTED;
            code = "payload_too_large";
            message = "Mastodon refused the request as too large (HTTP 413" + suffix(error) + ")";
        } else if (status == 400) {
            kind = FailureKind.REJECTED;
            code = "invalid_request";
            message = "Mastodon rejected the request as invalid (HTTP 400" + suffix(error) + ")";
        } else if (status == 408 || status == 503 || (status >= 500 && !creating)) {
            kind = FailureKind.RETRYABLE;
            code = "http_" + status;
            message = "Mastodon answered HTTP " + status + suffix(error) + "; will try again";
        } else if (status >= 500) {
            kind = FailureKind.UNKNOWN;
            code = "http_" + status;
            message = "Mastodon answered HTTP " + status + suffix(error)
                    + ", which does not say whether the status was created";
        } else if (status >= 400) {
            kind = FailureKind.REJECTED;
            code = "http_" + status;
            message = "Mastodon refused the request (HTTP " + status + suffix(error) + ")";
        } else {
            kind = creating ? FailureKind.UNKNOWN : FailureKind.RETRYABLE;
            code = "http_" + status;
            message = "Mastodon answered HTTP " + status + ", which is not what the request expects";
        }
        return Fail.classified(kind, code, message, secrets, retryAt, raw(result, secrets));
    }

    /** {@code error}, then {@code error_description} when it says more; empty for a body without them. */
    public static String error(HttpResult result) {
        String error = Json.text(result.json(), "/error").orElse("");
        String description = Json.text(result.json(), "/error_description").orElse("");
        if (description.isEmpty() || description.equals(error)) {
            return error;
        }
        return error.isEmpty() ? description : error + " (" + description + ")";
    }

    /**
     * When the rate limit resets: {@code X-RateLimit-Reset} (an ISO 8601 timestamp; epoch seconds are read too),
     * else {@code Retry-After} (seconds or an HTTP date).
     */
    public static Optional<Instant> rateLimitReset(Headers headers, Instant now) {
        return timestamp(headers.get("x-ratelimit-reset"))
                .or(() -> ResetTimes.retryAfter(headers.get("retry-after"), now));
    }

    static Optional<Instant> timestamp(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            // not ISO with an offset: try epoch seconds, which some servers send
        }
        return ResetTimes.epochSeconds(text);
    }

    private static String suffix(String detail) {
        return detail.isBlank() ? "" : ": " + Redaction.truncate(detail, 500);
    }
}
