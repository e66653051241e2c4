package io.luxaris.domain;

import java.util.Locale;

/** Lifecycle status of a post, derived from its schedules except for {@code ARCHIVED}. */
public enum PostStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    CANCELLED,
    ARCHIVED;

    /** The lower-case name used in storage and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; throws {@link IllegalArgumentException} for an unknown name. */
    public static PostStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
