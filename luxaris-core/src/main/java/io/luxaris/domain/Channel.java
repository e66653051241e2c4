package io.luxaris.domain;

import io.luxaris.internal.Args;
import java.time.Instant;
import java.util.Objects;

/**
 * A destination platform (X, LinkedIn, or a plugin's). The catalog is built from the registered channel
 * providers; a stored channel without a provider on this node is {@code DISABLED}.
 */
public record Channel(
        ChannelId id,
        String key,
        String name,
        ChannelStatus status,
        ChannelLimits limits,
        Instant createdAt,
        Instant updatedAt) {
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

    public boolean isActive() {
        return status == ChannelStatus.ACTIVE;
    }
}
