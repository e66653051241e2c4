package io.luxaris.domain;

import java.util.Locale;

/**
 * Lifecycle status of a schedule. {@code PENDING}, {@code QUEUED} and {@code PROCESSING} are active; {@code
 * UNCONFIRMED} means an attempt's outcome is unknown and waits for reconciliation; the rest are terminal. {@code
 * DRY_RUN} is the end of a schedule published through a channel in dry-run mode: the request was built and
 * validated, not sent; it is neither a success nor a failure. {@code AWAITING_APPROVAL} holds a schedule that needs
 * approval: the engine never claims it; approving makes it pending (or skips it when it is already too late),
 * rejecting cancels it.
 */
public enum ScheduleStatus {
    /** Waiting for its due time. */
    PENDING,
    /** Claimed by an engine instance, not yet sent. */
    QUEUED,
    /** Being published: the channel is being called. */
    PROCESSING,
    /** Published. */
    SUCCESS,
    /** Failed for good (rejected, revoked, or attempts exhausted). */
    FAILED,
    /** Cancelled by its author, or because its post was archived. */
    CANCELLED,
    /** Not published, by the engine's decision (too late, post archived, connection revoked). */
    SKIPPED,
    /** An attempt's outcome is unknown; waits to be reconciled or resolved by hand. */
    UNCONFIRMED,
    /** Built and validated by a channel in dry-run mode, deliberately not sent: nothing is on the platform. */
    DRY_RUN,
    /** Held until a principal the access policy allows approves (then pending) or rejects (then cancelled) it. */
    AWAITING_APPROVAL;

    /**
     * Pending, queued or processing: the engine still owns the outcome.
     *
     * @return whether the schedule is active
     */
    public boolean isActive() {
        return this == PENDING || this == QUEUED || this == PROCESSING;
    }

    /**
     * Success, failed, cancelled, skipped or dry run: nothing will change it any more.
     *
     * @return whether the status is final
     */
    public boolean isTerminal() {
        return this == SUCCESS || this == FAILED || this == CANCELLED || this == SKIPPED || this == DRY_RUN;
    }

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code dry_run}
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
    public static ScheduleStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
