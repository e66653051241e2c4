package io.luxaris.domain;

import java.util.Locale;

/** Category of a failed publish attempt; decides what the engine does next. */
public enum FailureKind {
    /** Transient (5xx, connection refused before the request was sent): retried with backoff. */
    RETRYABLE,
    /** The platform throttled the account or app: retried after the platform's reset time. */
    RATE_LIMITED,
    /** The access token expired: the engine asks the publisher to refresh it once, then fails. */
    AUTH_EXPIRED,
    /** The user revoked the app or the token is invalid for good: schedule failed, connection marked error. */
    AUTH_REVOKED,
    /** The platform refused this content (duplicate, too long, policy): not retried. */
    REJECTED,
    /** The request may have reached the platform but the outcome is unknown: never retried blindly. */
    UNKNOWN;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code rate_limited}
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
    public static FailureKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
