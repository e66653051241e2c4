package io.luxaris.domain;

import java.util.Locale;

/**
 * Lifecycle status of a schedule. {@code PENDING}, {@code QUEUED} and {@code PROCESSING} are active; {@code
 * UNCONFIRMED} means an attempt's outcome is unknown and waits for reconciliation; the rest are terminal. {@code
 * DRY_RUN} is the end of a schedule published through a channel in dry-run mode: the request was built and
 * validated, not sent; it is neither a success nor a failure.
 */
public enum ScheduleStatus {
    PENDING,
    QUEUED,
    PROCESSING,
    SUCCESS,
    FAILED,
    CANCELLED,
    SKIPPED,
    UNCONFIRMED,
    /** Built and validated by a channel in dry-run mode, deliberately not sent: nothing is on the platform. */
    DRY_RUN;

    /** Pending, queued or processing: the engine still owns the outcome. */
    public boolean isActive() {
        return this == PENDING || this == QUEUED || this == PROCESSING;
    }

    /** Success, failed, cancelled, skipped or dry run: nothing will change it any more. */
    public boolean isTerminal() {
        return this == SUCCESS || this == FAILED || this == CANCELLED || this == SKIPPED || this == DRY_RUN;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScheduleStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
