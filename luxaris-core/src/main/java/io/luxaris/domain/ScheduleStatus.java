package io.luxaris.domain;

import java.util.Locale;

/**
 * Lifecycle status of a schedule. {@code PENDING}, {@code QUEUED} and {@code PROCESSING} are active; {@code
 * UNCONFIRMED} means an attempt's outcome is unknown and waits for reconciliation; the rest are terminal.
 */
public enum ScheduleStatus {
    PENDING,
    QUEUED,
    PROCESSING,
    SUCCESS,
    FAILED,
    CANCELLED,
    SKIPPED,
    UNCONFIRMED;

    /** Pending, queued or processing: the engine still owns the outcome. */
    public boolean isActive() {
        return this == PENDING || this == QUEUED || this == PROCESSING;
    }

    /** Success, failed, cancelled or skipped: nothing will change it any more. */
    public boolean isTerminal() {
        return this == SUCCESS || this == FAILED || this == CANCELLED || this == SKIPPED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScheduleStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
