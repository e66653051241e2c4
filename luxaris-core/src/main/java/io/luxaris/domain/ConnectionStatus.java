package io.luxaris.domain;

import java.util.Locale;

/** Status of a channel connection; only {@code CONNECTED} connections can be scheduled to. */
public enum ConnectionStatus {
    /** Usable: schedules may target it. */
    CONNECTED,
    /** Revoked by the user; nothing more is published through it. */
    REVOKED,
    /**
     * Its authorization is gone (token revoked or expired for good, credentials unreadable): it must be reconnected.
     */
    ERROR;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code connected}
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
    public static ConnectionStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
