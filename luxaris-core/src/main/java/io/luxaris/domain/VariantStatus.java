package io.luxaris.domain;

import java.util.Locale;

/** Lifecycle status of a post variant. */
public enum VariantStatus {
    DRAFT,
    READY,
    PUBLISHED,
    FAILED;

    /** The lower-case name used in storage and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; throws {@link IllegalArgumentException} for an unknown name. */
    public static VariantStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
