package io.luxaris.domain;

import io.luxaris.util.Uuids;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a template: a time-ordered UUID.
 *
 * @param value the UUID
 */
public record TemplateId(UUID value) implements EntityId {
    /**
     * Checks the UUID is set.
     *
     * @param value the UUID
     */
    public TemplateId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A new, time-ordered identifier.
     *
     * @return a new id, later ones sorting after earlier ones
     */
    public static TemplateId random() {
        return new TemplateId(Uuids.timeOrdered());
    }

    /**
     * Parses the canonical UUID text form.
     *
     * @param text a UUID such as the one {@link #toString()} gives
     * @return the id
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static TemplateId of(String text) {
        return new TemplateId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
