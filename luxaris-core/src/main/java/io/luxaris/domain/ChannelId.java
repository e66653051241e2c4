package io.luxaris.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a channel. Channels come from registered providers, so their identifier is derived from the channel key
 * (a name-based UUID): every node and every restart computes the same id for {@code "x"}.
 *
 * @param value the UUID
 */
public record ChannelId(UUID value) implements EntityId {
    /**
     * Checks the UUID is set.
     *
     * @param value the UUID
     */
    public ChannelId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The stable identifier of the channel with this key.
     *
     * @param key a channel key, such as {@code x}
     * @return the id, the same on every node and after every restart
     */
    public static ChannelId forKey(String key) {
        Objects.requireNonNull(key, "key");
        return new ChannelId(UUID.nameUUIDFromBytes(("luxaris-channel:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Parses the canonical UUID text form.
     *
     * @param text a UUID such as the one {@link #toString()} gives
     * @return the id
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static ChannelId of(String text) {
        return new ChannelId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
