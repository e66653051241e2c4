package io.luxaris.domain;

import java.util.Locale;

/** Where a variant's content came from. */
public enum VariantSource {
    MANUAL,
    GENERATED,
    IMPORTED;

    /** The lower-case name used in storage and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; throws {@link IllegalArgumentException} for an unknown name. */
    public static VariantSource fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
