package io.luxaris.domain;

import io.luxaris.internal.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a suggestion: a time-ordered UUID. */
public record SuggestionId(UUID value) implements EntityId {
    public SuggestionId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identifier. */
    public static SuggestionId random() {
        return new SuggestionId(Uuids.timeOrdered());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on malformed input. */
    public static SuggestionId of(String text) {
        return new SuggestionId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
