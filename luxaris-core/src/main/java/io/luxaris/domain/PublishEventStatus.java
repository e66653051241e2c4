package io.luxaris.domain;

import java.util.Locale;

/**
 * Outcome of one publish attempt. {@code UNCONFIRMED}: the request may have reached the platform but no answer came
 * back; {@code CANCELLED}: the engine did not attempt (the schedule was skipped); {@code DRY_RUN}: the channel is in
 * dry-run mode and built the request without sending it (the event's raw response is the redacted preview).
 */
public enum PublishEventStatus {
    /** Published; the event carries the external id and URL. */
    SUCCESS,
    /** Failed for good; not retried. */
    FAILED,
    /** Failed; another attempt is planned. */
    RETRIED,
    /** The request may have reached the platform but no answer came back. */
    UNCONFIRMED,
    /** Not attempted: the schedule was skipped. */
    CANCELLED,
    /** Built and validated by a channel in dry-run mode and not sent. */
    DRY_RUN;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code success}
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
    public static PublishEventStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
