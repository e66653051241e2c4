package io.luxaris.domain;

import java.util.Locale;

/** Kind of a media attachment. */
public enum MediaKind {
    /** A still image (JPEG, PNG, WebP...). */
    IMAGE,
    /** An animated GIF. */
    GIF,
    /** A video. */
    VIDEO;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code image}
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
    public static MediaKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
