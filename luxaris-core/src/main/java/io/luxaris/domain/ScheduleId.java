package io.luxaris.domain;

import io.luxaris.internal.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a schedule: a time-ordered UUID. */
public record ScheduleId(UUID value) implements EntityId {
    public ScheduleId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identifier. */
    public static ScheduleId random() {
        return new ScheduleId(Uuids.timeOrdered());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on malformed input. */
    public static ScheduleId of(String text) {
        return new ScheduleId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
