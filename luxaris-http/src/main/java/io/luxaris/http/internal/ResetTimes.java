package io.luxaris.http.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a platform says a rate limit or an overload ends, read from its headers: {@code Retry-After} (RFC 9110: a
 * number of seconds or an HTTP date) and reset headers in epoch seconds. A value that is missing, blank, not one of
 * these or out of the range of an {@link Instant} reads as empty (no reset time given), never as an error.
 */
public final class ResetTimes {
    private ResetTimes() {}

    /**
     * A {@code Retry-After} value: seconds from {@code now} (a negative number as now) or an HTTP date (RFC 1123).
     *
     * @param value the header's value, {@code null} when absent
     * @param now the instant the answer arrived
     * @return when to try again, empty when the value is none of these
     */
    public static Optional<Instant> retryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            return Optional.of(now.plusSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException e) {
            return httpDate(text);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * An HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}, RFC 1123).
     *
     * @param value the text, {@code null} when absent
     * @return its instant, empty when it is not such a date
     */
    public static Optional<Instant> httpDate(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A reset header in epoch seconds ({@code X-Rate-Limit-Reset: 1764756000}).
     *
     * @param value the header's value, {@code null} when absent
     * @return its instant, empty when it is not a whole number of seconds an {@link Instant} can hold
     */
    public static Optional<Instant> epochSeconds(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
