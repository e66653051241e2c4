package io.luxaris.domain;

import io.luxaris.util.Uuids;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a post: a time-ordered UUID.
 *
 * @param value the UUID
 */
public record PostId(UUID value) implements EntityId {
    /**
     * Checks the UUID is set.
     *
     * @param value the UUID
     */
    public PostId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A new, time-ordered identifier.
     *
     * @return a new id, later ones sorting after earlier ones
     */
    public static PostId random() {
        return new PostId(Uuids.timeOrdered());
    }

    /**
     * Parses the canonical UUID text form.
     *
     * @param text a UUID such as the one {@link #toString()} gives
     * @return the id
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static PostId of(String text) {
        return new PostId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
