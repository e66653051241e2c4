package io.luxaris.generation.openai.internal;

import io.luxaris.http.internal.ResetTimes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * How long the server asks us to wait, from (in this order) {@code retry-after-ms}, {@code Retry-After} (seconds or
 * an HTTP date), the {@code x-ratelimit-reset-*} header of the exhausted limit (Go duration strings such as {@code
 * 6m0s} or {@code 12ms}) and the "Please try again in 644ms" hint in OpenAI's rate-limit message.
 */
final class RetryAdvice {
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern TRY_AGAIN =
            Pattern.compile("(?i)try again in ((?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+)");

    private RetryAdvice() {}

    static Optional<Duration> from(Headers headers, String message, Instant now) {
        Optional<Duration> ms = millis(headers.get("retry-after-ms"));
        if (ms.isPresent()) {
            return ms;
        }
        Optional<Duration> after = retryAfter(headers.get("Retry-After"), now);
        if (after.isPresent()) {
            return after;
        }
        Optional<Duration> reset = reset(headers);
        if (reset.isPresent()) {
            return reset;
        }
        Matcher hint = TRY_AGAIN.matcher(message);
        return hint.find() ? goDuration(hint.group(1)) : Optional.empty();
    }

    private static Optional<Duration> millis(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            BigDecimal ms = new BigDecimal(value.strip());
            return ms.signum() < 0 ? Optional.empty() : Optional.of(nanos(ms.movePointRight(6)));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> retryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(value.strip());
            return seconds.signum() < 0 ? Optional.empty() : Optional.of(nanos(seconds.movePointRight(9)));
        } catch (NumberFormatException | ArithmeticException e) {
            return ResetTimes.httpDate(value).map(at -> {
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            });
        }
    }

    /** The reset time of the limit that is used up; of the sooner one when the headers do not say which. */
    private static Optional<Duration> reset(Headers headers) {
        Optional<Duration> requests = goDuration(headers.get("x-ratelimit-reset-requests"));
        Optional<Duration> tokens = goDuration(headers.get("x-ratelimit-reset-tokens"));
        boolean requestsOut = "0".equals(strip(headers.get("x-ratelimit-remaining-requests")));
        boolean tokensOut = "0".equals(strip(headers.get("x-ratelimit-remaining-tokens")));
        if (requestsOut && tokensOut && requests.isPresent() && tokens.isPresent()) {
            return Optional.of(max(requests.get(), tokens.get()));
        }
        if (requestsOut && requests.isPresent()) {
            return requests;
        }
        if (tokensOut && tokens.isPresent()) {
            return tokens;
        }
        if (requests.isPresent() && tokens.isPresent()) {
            return Optional.of(min(requests.get(), tokens.get()));
        }
        return requests.or(() -> tokens);
    }

    /** A Go duration string ({@code 1m30.5s}, {@code 12ms}, {@code 2s}); empty when it is not one. */
    static Optional<Duration> goDuration(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = GO_PART.matcher(text);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (m.find()) {
            if (m.start() != at) {
                return Optional.empty();
            }
            BigDecimal amount = new BigDecimal(m.group(1));
            int shift =
                    switch (m.group(2)) {
                        case "ns" -> 0;
                        case "us", "µs" -> 3;
                        case "ms" -> 6;
                        case "s" -> 9;
                        default -> -1;
                    };
            BigDecimal part = shift >= 0
                    ? amount.movePointRight(shift)
                    : amount.multiply(
                            BigDecimal.valueOf(m.group(2).equals("m") ? 60_000_000_000L : 3_600_000_000_000L));
            nanos = nanos.add(part);
            at = m.end();
        }
        if (at != text.length() || at == 0) {
            return Optional.empty();
        }
        return Optional.of(nanos(nanos));
    }

    private static Duration nanos(BigDecimal nanos) {
        return Duration.ofNanos(nanos.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue());
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
