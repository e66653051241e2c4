package io.luxaris.spi.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a channel (or generator) waits: between polls of a platform's processing status, before a retry, for a
 * lookup's grace period. Luxaris hands one to channels through {@link ChannelEnvironment#sleeper()}; adapters built
 * directly take one on their builders. Hosts that test with a settable clock give one that advances that clock
 * instead of blocking, so no test waits in real time.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits {@code duration} (returns at once for zero or a negative duration).
     *
     * @param duration how long to wait
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Real waiting with {@link Thread#sleep}.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> {
            Objects.requireNonNull(duration, "duration");
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }

    /**
     * The sleeper that goes with {@code clock}: the clock itself when it is also a {@code Sleeper} (a settable test
     * clock that advances when slept on), otherwise {@linkplain #system() real waiting}.
     *
     * @param clock the host's clock
     * @return the sleeper
     */
    static Sleeper forClock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return clock instanceof Sleeper sleeper ? sleeper : system();
    }
}
