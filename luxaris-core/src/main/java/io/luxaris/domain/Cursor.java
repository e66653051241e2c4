package io.luxaris.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keyset position in a listing ordered by an instant and an id; encoded as an opaque string.
 *
 * @param at the instant of the last item read
 * @param id the id of the last item read
 */
public record Cursor(Instant at, UUID id) {
    /**
     * Checks the components are set.
     *
     * @param at the instant of the last item read
     * @param id the id of the last item read
     */
    public Cursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    /** {@return the opaque, URL-safe text form, for {@link Page#nextCursor()}} */
    public String encode() {
        String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor; empty when the text is not one this class produced (also when its instant is outside {@link
     * Limits#EARLIEST_INSTANT}..{@link Limits#LATEST_INSTANT}, which no stored row has).
     *
     * @param text the text of {@link #encode()}, or null
     * @return the cursor, or empty when the text is not a cursor
     */
    public static Optional<Cursor> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            long nanos = Long.parseLong(parts[1]);
            if (nanos < 0 || nanos > 999_999_999) {
                return Optional.empty();
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
            if (!Limits.supports(at)) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(at, UUID.fromString(parts[2])));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
