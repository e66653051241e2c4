package io.luxaris.domain;

import java.util.Locale;

/** Where a variant's content came from. */
public enum VariantSource {
    /** Written by a person. */
    MANUAL,
    /** Accepted from a generation suggestion. */
    GENERATED,
    /** Brought in from elsewhere by the host. */
    IMPORTED;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code manual}
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
    public static VariantSource fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
