package io.luxaris.domain;

import io.luxaris.internal.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a variant: a time-ordered UUID. */
public record VariantId(UUID value) implements EntityId {
    public VariantId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identifier. */
    public static VariantId random() {
        return new VariantId(Uuids.timeOrdered());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on malformed input. */
    public static VariantId of(String text) {
        return new VariantId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
