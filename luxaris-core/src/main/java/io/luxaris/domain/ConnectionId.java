package io.luxaris.domain;

import io.luxaris.internal.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a connection: a time-ordered UUID. */
public record ConnectionId(UUID value) implements EntityId {
    public ConnectionId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identifier. */
    public static ConnectionId random() {
        return new ConnectionId(Uuids.timeOrdered());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on malformed input. */
    public static ConnectionId of(String text) {
        return new ConnectionId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
