package io.luxaris.channels.x.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.RawResponse;
import io.luxaris.http.internal.ResetTimes;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Turns an unsuccessful X answer into a failure the engine can act on, from the status, the rate-limit headers
 * and the problem body (RFC 7807 {@code type/title/detail}, validation {@code errors[].parameters}, and the
 * legacy {@code errors[].code} shape).
 */
public final class Classifier {
    /** Longest safe message kept (the core's limit). */
    public static final int MESSAGE_LIMIT = 1_000;

    /** Headers kept in a raw response: X's rate-limit headers. */
    private static final List<String> RATE_HEADERS = List.of(
            "x-rate-limit-limit",
            "x-rate-limit-remaining",
            "x-rate-limit-reset",
            "x-user-limit-24hour-limit",
            "x-user-limit-24hour-remaining",
            "x-user-limit-24hour-reset",
            "x-app-limit-24hour-limit",
            "x-app-limit-24hour-remaining",
            "x-app-limit-24hour-reset",
            "retry-after");

    private Classifier() {}

    /** A raw response to store: status line, rate-limit headers and body, secret-free and truncated. */
    public static String raw(HttpResult result, Collection<String> secrets) {
        return RawResponse.of(result, RATE_HEADERS, secrets);
    }

    public static PublishOutcome.Failed classify(HttpResult result, Collection<String> secrets, Instant now) {
        JsonNode body = result.json();
        String type = Json.text(body, "/type").orElse("");
        String detail = detail(body);
        int status = result.status();
        FailureKind kind;
        String code;
        String message;
        Optional<Instant> retryAt = Optional.empty();
        String lower = detail.toLowerCase(Locale.ROOT);
        if (status == 429) {
            if (type.endsWith("/problems/usage-capped")) {
                kind = FailureKind.REJECTED;
                code = "usage_capped";
                String period = Json.text(body, "/period").orElse("");
                String scope = Json.text(body, "/scope").orElse("");
                message = "X usage cap reached"
                        + (period.isEmpty() && scope.isEmpty() ? "" : " (" + join(period, scope) + ")")
                        + "; not retried until the plan allows more posts";
            } else {
                RateLimit limit = rateLimit(result.headers(), now);
                kind = FailureKind.RATE_LIMITED;
                code = limit.code();
                retryAt = limit.resetAt();
                message = limit.description()
                        + retryAt.map(at -> "; resets at " + at).orElse("; no reset time given");
            }
        } else if (status == 401) {
            kind = FailureKind.AUTH_EXPIRED;
            code = "unauthorized";
            message = "X did not accept the access token (HTTP 401" + suffix(detail) + ")";
        } else if (status == 403) {
            kind = FailureKind.REJECTED;
            if (lower.contains("duplicate") || legacyCode(body, 187)) {
                code = "duplicate_content";
                message = "X refused the post as duplicate content" + suffix(detail);
            } else if (lower.contains("reply to this conversation is not allowed")
                    || (lower.contains("reply") && lower.contains("not allowed"))) {
                code = "reply_not_allowed";
                message = "X does not allow this reply" + suffix(detail);
            } else if (type.endsWith("/problems/client-forbidden")) {
                code = "client_forbidden";
                message = "X refuses this app"
                        + Json.text(body, "/reason").map(r -> " (" + r + ")").orElse("")
                        + suffix(detail);
            } else {
                code = "forbidden";
                message = "X refused the request (HTTP 403" + suffix(detail) + ")";
            }
        } else if (status == 400) {
            kind = FailureKind.REJECTED;
            code = "invalid_request";
            message = "X rejected the request as invalid" + suffix(validationMessage(body, detail));
        } else if (status == 404) {
            kind = FailureKind.REJECTED;
            code = "not_found";
            message = "X did not find what the request refers to (HTTP 404" + suffix(detail) + ")";
        } else if (status == 413) {
            kind = FailureKind.REJECTED;
            code = "payload_too_large";
            message = "X refused the upload as too large (HTTP 413)";
        } else if (status == 408 || status >= 500) {
            kind = FailureKind.RETRYABLE;
            code = "http_" + status;
            message = "X answered HTTP " + status + suffix(detail) + "; will try again";
        } else if (status >= 400) {
            kind = FailureKind.REJECTED;
            code = "http_" + status;
            message = "X refused the request (HTTP " + status + suffix(detail) + ")";
        } else {
            kind = FailureKind.UNKNOWN;
            code = "http_" + status;
            message = "X answered HTTP " + status + ", which does not say whether the post was created";
        }
        return Fail.classified(kind, code, message, secrets, retryAt, raw(result, secrets));
    }

    /** Which rate limit was hit and when it resets (the latest reset among the exhausted limits). */
    static RateLimit rateLimit(Headers headers, Instant now) {
        var exhausted = new ArrayList<RateLimit>();
        if (isZero(headers.get("x-user-limit-24hour-remaining"))) {
            exhausted.add(new RateLimit(
                    "daily_user_limit",
                    "X's 24-hour post limit for this account is reached",
                    ResetTimes.epochSeconds(headers.get("x-user-limit-24hour-reset"))));
        }
        if (isZero(headers.get("x-app-limit-24hour-remaining"))) {
            exhausted.add(new RateLimit(
                    "daily_app_limit",
                    "X's 24-hour post limit for this app is reached",
                    ResetTimes.epochSeconds(headers.get("x-app-limit-24hour-reset"))));
        }
        if (exhausted.isEmpty() || isZero(headers.get("x-rate-limit-remaining"))) {
            exhausted.add(new RateLimit(
                    "rate_limited",
                    "X rate limit reached (HTTP 429)",
                    ResetTimes.epochSeconds(headers.get("x-rate-limit-reset"))
                            .or(() -> ResetTimes.retryAfter(headers.get("retry-after"), now))));
        }
        RateLimit latest = exhausted.get(0);
        for (RateLimit limit : exhausted) {
            if (limit.resetAt().isPresent()
                    && (latest.resetAt().isEmpty()
                            || limit.resetAt().get().isAfter(latest.resetAt().get()))) {
                latest = limit;
            }
        }
        return latest;
    }

    /** A limit that was hit. */
    record RateLimit(String code, String description, Optional<Instant> resetAt) {}

    private static boolean isZero(@Nullable String value) {
        return value != null && value.trim().equals("0");
    }

    /** The problem's detail, else its title, else the first legacy error message. */
    private static String detail(JsonNode body) {
        return Json.text(body, "/detail")
                .or(() -> Json.text(body, "/errors/0/detail"))
                .or(() -> Json.text(body, "/errors/0/message"))
                .or(() -> Json.text(body, "/title"))
                .or(() -> Json.text(body, "/error_description"))
                .orElse("");
    }

    /** Field messages of a validation problem ({@code text: Your Tweet text is too long}), else the detail. */
    private static String validationMessage(JsonNode body, String detail) {
        List<String> parts = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            JsonNode parameters = error.path("parameters");
            if (parameters.isObject()) {
                parameters.properties().forEach(field -> {
                    for (JsonNode message : field.getValue()) {
                        if (message.isTextual()) {
                            parts.add(field.getKey() + ": " + message.asText());
                        }
                    }
                });
            }
            if (parts.isEmpty()) {
                Json.text(error, "/message")
                        .or(() -> Json.text(error, "/detail"))
                        .ifPresent(parts::add);
            }
        }
        return parts.isEmpty() ? detail : String.join("; ", parts);
    }

    private static boolean legacyCode(JsonNode body, int code) {
        for (JsonNode error : body.path("errors")) {
            if (error.path("code").asInt(-1) == code) {
                return true;
            }
        }
        return false;
    }

    private static String suffix(String detail) {
        return detail.isBlank() ? "" : ": " + detail;
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + ", " + b;
    }
}
