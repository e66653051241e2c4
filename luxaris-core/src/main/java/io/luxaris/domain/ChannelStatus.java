package io.luxaris.domain;

import java.util.Locale;

/** Whether a channel of the catalog can be used. */
public enum ChannelStatus {
    ACTIVE,
    DISABLED;

    /** The lower-case name used in storage and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; throws {@link IllegalArgumentException} for an unknown name. */
    public static ChannelStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
