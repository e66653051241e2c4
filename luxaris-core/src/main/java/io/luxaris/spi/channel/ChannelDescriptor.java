package io.luxaris.spi.channel;

import io.luxaris.domain.ChannelLimits;
import java.util.Objects;

/** Catalog entry of a channel: its human name and default limits and capabilities. */
public record ChannelDescriptor(String name, ChannelLimits limits) {
    public ChannelDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        if (name.isBlank()) {
            throw new IllegalArgumentException("channel name must not be blank");
        }
    }

    public static ChannelDescriptor of(String name, ChannelLimits limits) {
        return new ChannelDescriptor(name, limits);
    }
}
