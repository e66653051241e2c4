package io.luxaris.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a channel. Channels come from registered providers, so their identifier is derived from the
 * channel key (a name-based UUID): every node and every restart computes the same id for {@code "x"}.
 */
public record ChannelId(UUID value) implements EntityId {
    public ChannelId {
        Objects.requireNonNull(value, "value");
    }

    /** The stable identifier of the channel with this key. */
    public static ChannelId forKey(String key) {
        Objects.requireNonNull(key, "key");
        return new ChannelId(UUID.nameUUIDFromBytes(("luxaris-channel:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    public static ChannelId of(String text) {
        return new ChannelId(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
