package io.luxaris.benchmarks.harness;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A channel call that takes time, as a platform's API does: schedule {@code i}'s call sleeps {@code durationMicros(i)}
 * (drawn once, uniformly from {@code min..max}, by a random generator with a fixed seed, so every engine gets the
 * same durations for the same schedule). Records when each call ended and how many calls were in flight at most
 * (the engine's effective concurrency). Used by the burst scenario through {@link Recorder#withWork}.
 */
final class CallWork {
    private final long[] durationMicros;
    private final AtomicLongArray endedAt;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();

    private CallWork(long[] durationMicros) {
        this.durationMicros = durationMicros;
        this.endedAt = new AtomicLongArray(durationMicros.length);
    }

    /**
     * Durations for schedules {@code 0..n-1}, uniform in {@code [minMicros, maxMicros]} from {@code seed}.
     *
     * @throws IllegalArgumentException when {@code 0 <= minMicros <= maxMicros} does not hold
     */
    static CallWork uniform(int n, long minMicros, long maxMicros, long seed) {
        if (minMicros < 0 || maxMicros < minMicros) {
            throw new IllegalArgumentException(
                    "call durations need 0 <= min <= max but were " + minMicros + ".." + maxMicros + " µs");
        }
        var random = new SplittableRandom(seed);
        long[] d = new long[n];
        for (int i = 0; i < n; i++) {
            d[i] = minMicros == maxMicros ? minMicros : random.nextLong(minMicros, maxMicros + 1);
        }
        return new CallWork(d);
    }

    int size() {
        return durationMicros.length;
    }

    long durationMicros(int i) {
        return durationMicros[i];
    }

    /** The sum of every call's duration, in seconds: the work to do. */
    double totalSeconds() {
        long sum = 0;
        for (long d : durationMicros) {
            sum += d;
        }
        return sum / 1e6;
    }

    /** The call of schedule {@code i} (in the engine's thread): sleeps its duration; notes the end of a first call. */
    void perform(int i, boolean first) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            long micros = i >= 0 && i < durationMicros.length ? durationMicros[i] : 0;
            if (micros > 0) {
                Thread.sleep(micros / 1_000, (int) (micros % 1_000) * 1_000);
            }
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            Thread.currentThread().interrupt();
        } finally {
            if (first && i >= 0 && i < durationMicros.length) {
                endedAt.set(i, Recorder.nowMicros());
            }
            inFlight.decrementAndGet();
        }
    }

    /** When schedule {@code i}'s first call ended, wall-clock micros (0: not yet). */
    long endedAt(int i) {
        return endedAt.get(i);
    }

    /** The most calls in flight at one moment. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Calls cut short by an interrupt (an engine stopping while calls were in flight). */
    int interrupted() {
        return interrupted.get();
    }
}
