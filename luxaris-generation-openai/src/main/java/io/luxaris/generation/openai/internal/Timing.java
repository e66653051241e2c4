package io.luxaris.generation.openai.internal;

import java.time.Duration;

/** A monotonic clock and a way to wait, used for retry budgets and latency; replaceable in tests. */
public interface Timing {
    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real clock and {@link Thread#sleep}. */
    static Timing system() {
        return SystemTiming.INSTANCE;
    }

    /** The system timing (a named singleton, so it prints well). */
    enum SystemTiming implements Timing {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }
    }
}
