package io.luxaris.domain;

import java.util.Locale;

/** Whether a channel of the catalog can be used. */
public enum ChannelStatus {
    /** A provider of this channel is registered: it can be connected to and published to. */
    ACTIVE,
    /** Stored, but no provider of this channel is registered on this instance: nothing is published to it. */
    DISABLED;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code active}
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
    public static ChannelStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
