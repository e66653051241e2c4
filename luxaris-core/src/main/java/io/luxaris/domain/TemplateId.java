package io.luxaris.domain;

import io.luxaris.internal.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a template: a time-ordered UUID. */
public record TemplateId(UUID value) implements EntityId {
    public TemplateId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identifier. */
    public static TemplateId random() {
        return new TemplateId(Uuids.timeOrdered());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on malformed input. */
    public static TemplateId of(String text) {
        return new TemplateId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
