package io.luxaris.spi.channel;

import io.luxaris.domain.ChannelLimits;
import java.util.Objects;

/**
 * Catalog entry of a channel: its human name and default limits and capabilities.
 *
 * @param name the display name, such as {@code X}
 * @param limits what the channel accepts by default
 */
public record ChannelDescriptor(String name, ChannelLimits limits) {
    /**
     * Checks the components.
     *
     * @param name the display name, such as {@code X}
     * @param limits what the channel accepts by default
     * @throws IllegalArgumentException when the name is blank
     */
    public ChannelDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        if (name.isBlank()) {
            throw new IllegalArgumentException("channel name must not be blank");
        }
    }

    /**
     * A catalog entry.
     *
     * @param name the display name
     * @param limits what the channel accepts by default
     * @return the descriptor
     */
    public static ChannelDescriptor of(String name, ChannelLimits limits) {
        return new ChannelDescriptor(name, limits);
    }
}
