package io.luxaris.domain;

import io.luxaris.internal.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a publish event: a time-ordered UUID. */
public record PublishEventId(UUID value) implements EntityId {
    public PublishEventId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identifier. */
    public static PublishEventId random() {
        return new PublishEventId(Uuids.timeOrdered());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on malformed input. */
    public static PublishEventId of(String text) {
        return new PublishEventId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
