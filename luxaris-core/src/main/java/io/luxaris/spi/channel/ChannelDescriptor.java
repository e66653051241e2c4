package io.luxaris.spi.channel;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FollowUpKind;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Catalog entry of a channel: its human name and default limits and capabilities.
 *
 * @param name the display name, such as {@code X}
 * @param limits what the channel accepts by default
 * @param followUps the kinds of follow-up parts (replies, comments posted after the post) its publisher can post
 */
public record ChannelDescriptor(String name, ChannelLimits limits, Set<FollowUpKind> followUps) {
    /**
     * Checks the components.
     *
     * @param name the display name, such as {@code X}
     * @param limits what the channel accepts by default
     * @param followUps the kinds of follow-up parts its publisher can post
     * @throws IllegalArgumentException when the name is blank
     */
    public ChannelDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        if (name.isBlank()) {
            throw new IllegalArgumentException("channel name must not be blank");
        }
        followUps = followUps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(followUps));
    }

    /**
     * A catalog entry of a channel that posts no follow-up parts.
     *
     * @param name the display name
     * @param limits what the channel accepts by default
     * @throws IllegalArgumentException when the name is blank
     */
    public ChannelDescriptor(String name, ChannelLimits limits) {
        this(name, limits, Set.of());
    }

    /**
     * This entry, declaring that its publisher posts these kinds of follow-up parts (it then receives publish requests
     * with a {@link FollowUpTarget} of those kinds).
     *
     * @param kinds the kinds it posts
     * @return the descriptor with those kinds
     */
    public ChannelDescriptor withFollowUps(FollowUpKind... kinds) {
        return new ChannelDescriptor(name, limits, Set.of(kinds));
    }

    /**
     * Whether the publisher posts follow-ups of this kind.
     *
     * @param kind a kind
     * @return whether it is declared
     */
    public boolean supports(FollowUpKind kind) {
        return followUps.contains(kind);
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
