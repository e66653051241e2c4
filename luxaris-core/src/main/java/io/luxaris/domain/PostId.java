package io.luxaris.domain;

import io.luxaris.internal.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a post: a time-ordered UUID. */
public record PostId(UUID value) implements EntityId {
    public PostId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identifier. */
    public static PostId random() {
        return new PostId(Uuids.timeOrdered());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on malformed input. */
    public static PostId of(String text) {
        return new PostId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
