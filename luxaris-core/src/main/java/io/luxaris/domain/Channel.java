package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.util.Objects;

/**
 * A destination platform (X, LinkedIn, or a plugin's). The catalog is built from the registered channel providers; a
 * stored channel without a provider on this node is {@code DISABLED}.
 *
 * @param id the stable id, {@link ChannelId#forKey(String)} of the key
 * @param key the provider's key, such as {@code x}
 * @param name the display name, such as {@code X}
 * @param status whether a provider of it is registered
 * @param limits what the channel accepts
 * @param createdAt when it first entered the catalog
 * @param updatedAt when the catalog entry last changed
 */
public record Channel(
        ChannelId id,
        String key,
        String name,
        ChannelStatus status,
        ChannelLimits limits,
        Instant createdAt,
        Instant updatedAt) {
    /**
     * Checks the components; the id must be the one derived from the key.
     *
     * @param id the stable id, {@link ChannelId#forKey(String)} of the key
     * @param key the provider's key, such as {@code x}
     * @param name the display name, such as {@code X}
     * @param status whether a provider of it is registered
     * @param limits what the channel accepts
     * @param createdAt when it first entered the catalog
     * @param updatedAt when the catalog entry last changed
     * @throws IllegalArgumentException when the key or name is blank, or the id is not derived from the key
     */
    public Channel {
        Objects.requireNonNull(id, "id");
        Args.nonBlank(key, "key");
        Args.nonBlank(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!id.equals(ChannelId.forKey(key))) {
            throw new IllegalArgumentException("channel id must be ChannelId.forKey(\"" + key + "\")");
        }
    }

    /** {@return whether a provider of this channel is registered (status {@code ACTIVE})} */
    public boolean isActive() {
        return status == ChannelStatus.ACTIVE;
    }
}
