package io.luxaris.domain;

import java.util.Locale;

/** Lifecycle status of a recurring series. */
public enum SeriesStatus {
    /** Its future occurrences are materialised as schedules as they come within its horizon. */
    ACTIVE,
    /** Every occurrence of its rule is materialised (it ended after K occurrences or at its end date). */
    ENDED,
    /** Cancelled by its author: no new occurrences; its not-yet-claimed schedules were cancelled. */
    CANCELLED;

    /** {@return the lower-case name stored and shown, e.g. {@code active}} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status of a stored name.
     *
     * @param value a name such as {@link #wireName()} gives
     * @return the status
     * @throws IllegalArgumentException when the name is unknown
     */
    public static SeriesStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
