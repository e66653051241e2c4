package io.luxaris.channels.linkedin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.RawResponse;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a LinkedIn error response into a failure the engine understands (docs/platforms/linkedin.md §2.6). LinkedIn's REST
 * errors carry {@code status}, {@code serviceErrorCode}, {@code code} (not always) and {@code message}; validation
 * errors add {@code errorDetails.inputErrors[]}.
 */
public final class Classifier {
    /** "Resource level throttle APPLICATION DAY limit ..." and "MEMBER DAY limit": the daily quotas. */
    private static final Pattern DAILY = Pattern.compile("(?i)\\bday\\b|\\bdaily\\b");

    private static final int SERVICE_EXPIRED = 65600;
    private static final int SERVICE_REVOKED = 65601;
    private static final int SERVICE_EXPIRED_ALT = 65602;

    /** Longest LinkedIn message quoted in a safe message. */
    static final int MESSAGE_LIMIT = 600;

    /** Headers kept in a raw response: the post's id and the retry hint. */
    private static final List<String> KEPT_HEADERS = List.of("x-restli-id", "x-linkedin-id", "retry-after");

    private Classifier() {}

    /** A raw response to store: status line, id headers and body, secret-free and truncated. */
    static String raw(HttpResult result, Collection<String> secrets) {
        return RawResponse.of(result, KEPT_HEADERS, secrets);
    }

    /**
     * The failure for an unsuccessful response. {@code createsPost} marks the call that creates the post: a gateway
     * timeout (504) there may have created it, so it is unknown rather than retryable.
     */
    public static PublishOutcome.Failed classify(
            HttpResult result, Settings settings, Instant now, Collection<String> secrets, boolean createsPost) {
        JsonNode body = result.json();
        String code = Json.text(body, "/code").orElse("");
        int service = body.path("serviceErrorCode").asInt(0);
        String said = Json.text(body, "/message")
                .map(m -> Redaction.truncate(Redaction.scrub(m, secrets), Classifier.MESSAGE_LIMIT))
                .orElse("");
        int status = result.status();
        PublishOutcome.Failed failed =
                switch (status) {
                    case 401 -> unauthorized(code, service, said);
                    case 403 -> forbidden(code, said);
                    case 426 ->
                        PublishOutcome.failed(
                                FailureKind.REJECTED,
                                "linkedin_version_sunset",
                                "LinkedIn does not accept API version " + settings.version()
                                        + " any more" + quote(code, said)
                                        + "; LinkedIn sunsets versions about a year after release: configure a current"
                                        + " one with LinkedInChannel.builder().version(\"YYYYMM\")");
                    case 429 -> throttled(result, settings, now, said);
                    case 400 -> badRequest(body, code, said, secrets);
                    case 422 -> unprocessable(code, said);
                    default -> other(status, code, said, createsPost);
                };
        return failed.withRawResponse(Classifier.raw(result, secrets));
    }

    private static PublishOutcome.Failed unauthorized(String code, int service, String said) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.contains("REVOKED") || service == SERVICE_REVOKED) {
            return PublishOutcome.failed(
                    FailureKind.AUTH_REVOKED,
                    "linkedin_token_revoked",
                    "the member revoked this app's access on LinkedIn" + quote(code, said)
                            + "; the account must be connected again");
        }
        if (upper.contains("EXPIRED") || service == SERVICE_EXPIRED || service == SERVICE_EXPIRED_ALT) {
            return PublishOutcome.failed(
                    FailureKind.AUTH_EXPIRED,
                    "linkedin_token_expired",
                    "the LinkedIn access token expired" + quote(code, said));
        }
        return PublishOutcome.failed(
                FailureKind.AUTH_EXPIRED, "http_401", "LinkedIn did not accept the access token" + quote(code, said));
    }

    private static PublishOutcome.Failed forbidden(String code, String said) {
        if ("ACCESS_DENIED".equalsIgnoreCase(code) || (code.isEmpty() && said.startsWith("Not enough permissions"))) {
            return PublishOutcome.failed(
                    FailureKind.REJECTED,
                    "access_denied",
                    "LinkedIn denied permission" + quote(code, said)
                            + "; posting as a member needs the w_member_social scope, as an organization"
                            + " w_organization_social and an administrator or content role on its page");
        }
        return PublishOutcome.failed(
                FailureKind.REJECTED, codeOr(code, "http_403"), "LinkedIn refused" + quote(code, said));
    }

    private static PublishOutcome.Failed throttled(HttpResult result, Settings settings, Instant now, String said) {
        if (DAILY.matcher(said).find()) {
            Instant midnight = now.atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            return PublishOutcome.rateLimited(
                    "daily_limit",
                    "LinkedIn's daily limit is reached" + quote("", said) + "; it resets at midnight UTC",
                    midnight);
        }
        Duration wait = retryAfter(result).orElse(settings.throttleBackoff());
        return PublishOutcome.rateLimited(
                "throttled", "LinkedIn throttled the request" + quote("", said), now.plus(wait));
    }

    private static Optional<Duration> retryAfter(HttpResult result) {
        String value = result.headers().get("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 && seconds <= 86_400 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static PublishOutcome.Failed badRequest(
            JsonNode body, String code, String said, Collection<String> secrets) {
        var details = new ArrayList<String>();
        String firstCode = "";
        for (JsonNode error : body.path("errorDetails").path("inputErrors")) {
            String field = Json.text(error, "/input/inputPath/fieldPath").orElse("");
            String description = Json.text(error, "/description").orElse("invalid");
            String errorCode = Json.text(error, "/code").orElse("");
            if (firstCode.isEmpty()) {
                firstCode = errorCode;
            }
            var detail = new StringBuilder();
            if (!field.isEmpty()) {
                detail.append(field).append(": ");
            }
            detail.append(description);
            if (error.path("maxLength").canConvertToInt()) {
                detail.append(" (max ").append(error.path("maxLength").asInt()).append(')');
            }
            if (!errorCode.isEmpty()) {
                detail.append(" [").append(errorCode).append(']');
            }
            details.add(Redaction.scrub(detail.toString(), secrets));
        }
        String message = "LinkedIn refused the request";
        if (!details.isEmpty()) {
            message += ": " + String.join("; ", details);
        }
        if (!said.isEmpty()) {
            message += " (" + said + ")";
        }
        String stable = !firstCode.isEmpty() ? lower(firstCode) : codeOr(code, "bad_request");
        return PublishOutcome.failed(FailureKind.REJECTED, stable, Redaction.truncate(message, 1_000));
    }

    private static PublishOutcome.Failed unprocessable(String code, String said) {
        if ("DUPLICATE_POST".equalsIgnoreCase(code)
                || said.toLowerCase(Locale.ROOT).contains("duplicate")) {
            return PublishOutcome.failed(
                    FailureKind.REJECTED, "duplicate_post", "LinkedIn refused a duplicate post" + quote(code, said));
        }
        return PublishOutcome.failed(
                FailureKind.REJECTED, codeOr(code, "http_422"), "LinkedIn refused" + quote(code, said));
    }

    private static PublishOutcome.Failed other(int status, String code, String said, boolean createsPost) {
        if (status >= 500) {
            if (createsPost && status == 504) {
                return PublishOutcome.failed(
                        FailureKind.UNKNOWN,
                        "http_504",
                        "a LinkedIn gateway timed out; the post may have been created" + quote(code, said));
            }
            return PublishOutcome.failed(
                    FailureKind.RETRYABLE,
                    "http_" + status,
                    "LinkedIn failed (HTTP " + status + ")" + quote(code, said));
        }
        if (status >= 400) {
            return PublishOutcome.failed(
                    FailureKind.REJECTED,
                    codeOr(code, "http_" + status),
                    "LinkedIn refused (HTTP " + status + ")" + quote(code, said));
        }
        return PublishOutcome.failed(
                createsPost ? FailureKind.UNKNOWN : FailureKind.RETRYABLE,
                "http_" + status,
                "unexpected answer from LinkedIn (HTTP " + status + ")");
    }

    /** LinkedIn's OAuth error for a token request ({@code error}, {@code error_description}). */
    public static Map.Entry<String, String> oauthError(HttpResult result, Collection<String> secrets) {
        JsonNode body = result.json();
        String error = Json.text(body, "/error")
                .or(() -> Json.text(body, "/code"))
                .map(Classifier::lower)
                .orElse("http_" + result.status());
        String description = Json.text(body, "/error_description")
                .or(() -> Json.text(body, "/message"))
                .map(d -> Redaction.truncate(Redaction.scrub(d, secrets), Classifier.MESSAGE_LIMIT))
                .orElse("HTTP " + result.status());
        return Map.entry(Redaction.truncate(error, 60), description);
    }

    private static String quote(String code, String said) {
        if (code.isEmpty() && said.isEmpty()) {
            return "";
        }
        if (code.isEmpty()) {
            return " (" + said + ")";
        }
        return said.isEmpty() ? " (" + code + ")" : " (" + code + ": " + said + ")";
    }

    private static String codeOr(String code, String fallback) {
        return code.isEmpty() ? fallback : lower(code);
    }

    static String lower(String code) {
        String cleaned = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return Redaction.truncate(cleaned.isEmpty() ? "error" : cleaned, 60);
    }
}
