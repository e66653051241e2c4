package io.luxaris.domain;

import java.util.Locale;

/** Status of a channel connection; only {@code CONNECTED} connections can be scheduled to. */
public enum ConnectionStatus {
    CONNECTED,
    REVOKED,
    ERROR;

    /** The lower-case name used in storage and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; throws {@link IllegalArgumentException} for an unknown name. */
    public static ConnectionStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
