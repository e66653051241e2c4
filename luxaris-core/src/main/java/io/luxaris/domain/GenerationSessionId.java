package io.luxaris.domain;

import io.luxaris.internal.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a generation session: a time-ordered UUID. */
public record GenerationSessionId(UUID value) implements EntityId {
    public GenerationSessionId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identifier. */
    public static GenerationSessionId random() {
        return new GenerationSessionId(Uuids.timeOrdered());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on malformed input. */
    public static GenerationSessionId of(String text) {
        return new GenerationSessionId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
