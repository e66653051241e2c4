package io.luxaris.domain;

import java.util.Locale;

/** Lifecycle status of a generation session. */
public enum GenerationStatus {
    IN_PROGRESS,
    COMPLETED,
    ABORTED;

    /** The lower-case name used in storage and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; throws {@link IllegalArgumentException} for an unknown name. */
    public static GenerationStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
