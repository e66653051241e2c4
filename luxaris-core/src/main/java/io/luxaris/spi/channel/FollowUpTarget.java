package io.luxaris.spi.channel;

import io.luxaris.domain.FollowUpKind;
import java.util.Objects;

/**
 * What a follow-up publish hangs on. The request's variant then holds the follow-up's text as its content (no thread,
 * no media); the publisher posts it as a reply to {@code parent} ({@link FollowUpKind#REPLY}) or as a comment on
 * {@code root} ({@link FollowUpKind#COMMENT}). A publisher only receives the kinds its {@link ChannelDescriptor}
 * declares.
 *
 * @param kind reply or comment
 * @param index the follow-up's number in the variant, from 0
 * @param root the variant's own post (with its in-call thread, if it had one)
 * @param parent the part just before this one: {@code root} for the first follow-up, else the previous follow-up
 */
public record FollowUpTarget(FollowUpKind kind, int index, PublishedPart root, PublishedPart parent) {
    /**
     * Checks the components.
     *
     * @param kind reply or comment
     * @param index the follow-up's number in the variant, from 0
     * @param root the variant's own post
     * @param parent the part just before this one
     * @throws IllegalArgumentException when the index is negative
     */
    public FollowUpTarget {
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(parent, "parent");
    }
}
