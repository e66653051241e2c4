package io.luxaris.domain;

import java.util.Locale;

/**
 * Outcome of one publish attempt. {@code UNCONFIRMED}: the request may have reached the platform but no answer came
 * back; {@code CANCELLED}: the engine did not attempt (the schedule was skipped); {@code DRY_RUN}: the channel is in
 * dry-run mode and built the request without sending it (the event's raw response is the redacted preview).
 */
public enum PublishEventStatus {
    SUCCESS,
    FAILED,
    RETRIED,
    UNCONFIRMED,
    CANCELLED,
    DRY_RUN;

    /** The lower-case name used in storage and messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; throws {@link IllegalArgumentException} for an unknown name. */
    public static PublishEventStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
