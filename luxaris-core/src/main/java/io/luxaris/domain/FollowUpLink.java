package io.luxaris.domain;

import java.util.Objects;

/**
 * What makes a schedule a follow-up schedule: it publishes follow-up number {@code index} of its variant (see {@link
 * FollowUp}), after the part published by {@code parent}, in the chain started by the variant's own schedule {@code
 * root}. The first follow-up's parent is the root.
 *
 * @param root the schedule of the variant's own post
 * @param parent the schedule of the part just before this one
 * @param index the follow-up's number in the variant, from 0
 */
public record FollowUpLink(ScheduleId root, ScheduleId parent, int index) {
    /**
     * Checks the components.
     *
     * @param root the schedule of the variant's own post
     * @param parent the schedule of the part just before this one
     * @param index the follow-up's number in the variant, from 0
     * @throws IllegalArgumentException when the index is negative, or the first follow-up's parent is not the root
     */
    public FollowUpLink {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(parent, "parent");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        if (index == 0 && !root.equals(parent)) {
            throw new IllegalArgumentException("the first follow-up's parent is the root");
        }
    }
}
