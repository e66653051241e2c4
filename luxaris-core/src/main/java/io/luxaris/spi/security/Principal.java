package io.luxaris.spi.security;

import java.util.Map;
import java.util.Objects;

/**
 * The acting user or service, as known to the host application (the System context). Luxaris only stores the id as
 * owner of posts, templates, connections and generation sessions; attributes are for the host's {@code AccessPolicy}
 * (roles, team, tenant...).
 *
 * @param id the host's id of the user or service: 1..{@value #MAX_ID_LENGTH} characters, no NUL or unpaired surrogate
 * @param attributes free attributes for the host's access policy; copied
 */
public record Principal(String id, Map<String, String> attributes) {
    /** The longest id accepted, in UTF-16 characters. */
    public static final int MAX_ID_LENGTH = 200;

    /**
     * Checks the id and copies the attributes.
     *
     * @param id the host's id of the user or service: 1..{@value #MAX_ID_LENGTH} characters, no NUL or unpaired
     *     surrogate
     * @param attributes free attributes for the host's access policy; copied
     * @throws IllegalArgumentException when the id is blank, too long, or holds NUL or an unpaired surrogate
     */
    public Principal {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("principal id must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("principal id is longer than " + MAX_ID_LENGTH + " characters");
        }
        int bad = io.luxaris.util.Strings.invalidCharacterAt(id);
        if (bad >= 0) {
            throw new IllegalArgumentException("principal id holds NUL or an unpaired surrogate at position " + bad
                    + "; it is stored as the owner of what the principal creates");
        }
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    /**
     * A principal without attributes.
     *
     * @param id the host's id of the user or service
     * @return the principal
     * @throws IllegalArgumentException when the id is blank, too long, or holds NUL or an unpaired surrogate
     */
    public static Principal of(String id) {
        return new Principal(id, Map.of());
    }

    /**
     * A principal with attributes for the access policy.
     *
     * @param id the host's id of the user or service
     * @param attributes attributes for the host's access policy (roles, team, tenant...)
     * @return the principal
     * @throws IllegalArgumentException when the id is blank, too long, or holds NUL or an unpaired surrogate
     */
    public static Principal of(String id, Map<String, String> attributes) {
        return new Principal(id, attributes);
    }
}
