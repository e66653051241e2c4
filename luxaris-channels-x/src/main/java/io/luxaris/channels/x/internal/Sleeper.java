package io.luxaris.channels.x.internal;

import java.time.Duration;

/** Waits between polls (media processing, lookup grace); replaceable in tests. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
