package io.luxaris.domain;

import java.util.Locale;

/** Lifecycle status of a post, derived from its schedules except for {@code ARCHIVED}. */
public enum PostStatus {
    /**
     * Not scheduled: no active, unconfirmed or successful schedule (and, by default, when every schedule was
     * cancelled).
     */
    DRAFT,
    /** Some schedule is pending, queued, processing, unconfirmed or awaiting approval. */
    SCHEDULED,
    /** Every target with an outcome was published, and nothing is open any more. */
    PUBLISHED,
    /** Every schedule was cancelled, when the rules' {@code allCancelledStatus} says so (draft by default). */
    CANCELLED,
    /** Archived by its author; set explicitly, and final: nothing more is scheduled or published. */
    ARCHIVED,
    /**
     * Some target (a variant on a connection) was published while another ended without being published (failed,
     * skipped or cancelled), and nothing is open any more.
     */
    PARTIALLY_PUBLISHED;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code draft}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()}.
     *
     * @param name a wire name, in any case
     * @return the constant
     * @throws IllegalArgumentException for an unknown name
     */
    public static PostStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
