package io.luxaris.domain;

import java.util.Locale;

/** Kind of a media attachment. */
public enum MediaKind {
    IMAGE,
    GIF,
    VIDEO;

    /** The lower-case name used in storage and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; throws {@link IllegalArgumentException} for an unknown name. */
    public static MediaKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
