package io.luxaris.internal.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that stands still until the test moves it. */
final class ManualTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
