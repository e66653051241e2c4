package io.luxaris.domain;

import java.util.Locale;

/** Lifecycle status of a post variant. */
public enum VariantStatus {
    /** Not scheduled yet. */
    DRAFT,
    /** Scheduled (or dry-run published): waiting for publishing, or ready to be scheduled again. */
    READY,
    /** On the platform; its content cannot change any more. */
    PUBLISHED,
    /** Its last publish failed for good; scheduling it again makes it ready. */
    FAILED;

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
    public static VariantStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
