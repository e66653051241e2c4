package io.luxaris.channels.threads.internal;

import java.time.Duration;

/** Lifetimes of Threads tokens. */
public final class TokenLifetimes {
    /** A short-lived token from the code exchange lives one hour. */
    public static final Duration SHORT_LIVED = Duration.ofHours(1);
    /** A long-lived token (and each refresh of it) lives 60 days. */
    public static final Duration LONG_LIVED = Duration.ofDays(60);
    /** Meta refreshes a long-lived token only once it is at least this old. */
    public static final Duration MIN_AGE_TO_REFRESH = Duration.ofHours(24);

    private TokenLifetimes() {}
}
