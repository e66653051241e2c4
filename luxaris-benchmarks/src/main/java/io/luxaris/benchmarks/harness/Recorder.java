package io.luxaris.benchmarks.harness;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The no-op work every engine does for a schedule: note that schedule {@code i} was called, and when. Schedules
 * are numbered {@code 0..capacity-1} by the harness; each engine maps its own identifier (Luxaris' schedule id,
 * db-scheduler's task instance, Quartz' job name) to that number. Times are wall-clock microseconds since the epoch
 * (the engines and PostgreSQL run on this machine and share its clock).
 */
final class Recorder {
    private final int capacity;
    private final AtomicIntegerArray calls;
    private final AtomicLongArray calledAt;
    private final long[] dueAt;
    private final AtomicInteger distinct = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();
    /** The channel call's duration per schedule (burst); null: no-op work, nothing but the record. */
    private volatile CallWork work;

    Recorder(int capacity) {
        this.capacity = capacity;
        this.calls = new AtomicIntegerArray(capacity);
        this.calledAt = new AtomicLongArray(capacity);
        this.dueAt = new long[capacity];
    }

    /** Makes every call of this recorder last as long as {@code work} says (set before the engine starts). */
    Recorder withWork(CallWork work) {
        this.work = work;
        return this;
    }

    /** How many times schedule {@code i} was called (0 for a number out of range). */
    int calls(int i) {
        return i < 0 || i >= capacity ? 0 : calls.get(i);
    }

    /** The wall-clock micros of schedule {@code i}'s first call (0: not called). */
    long calledAt(int i) {
        return calledAt.get(i);
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    static long nowMicros() {
        return micros(Instant.now());
    }

    int capacity() {
        return capacity;
    }

    /**
     * The time schedule {@code i} is due, set before it is handed to an engine; only schedules with a due time take
     * part in {@link #missing}, {@link #lateness} and {@link #calledMoreThanOnce}.
     */
    void due(int i, Instant at) {
        dueAt[i] = micros(at);
    }

    /** Whether schedule {@code i} was handed to the engine. */
    private boolean isHanded(int i) {
        return dueAt[i] != 0;
    }

    /** The channel call of schedule {@code i}: the no-op work. */
    void called(int i) {
        long now = nowMicros();
        if (i < 0 || i >= capacity) {
            unknown.incrementAndGet();
            return;
        }
        boolean first = calls.incrementAndGet(i) == 1;
        if (first) {
            calledAt.set(i, now);
        } else {
            duplicates.incrementAndGet();
        }
        CallWork w = work;
        if (w != null) {
            // the call takes its time before it counts as done (distinct): a drain ends when the last call ended
            w.perform(i, first);
        }
        if (first) {
            distinct.incrementAndGet();
        }
    }

    /** A call for something the engine could not map to a schedule of this run. */
    void unknownCall() {
        unknown.incrementAndGet();
    }

    /** Schedules called at least once. */
    int distinct() {
        return distinct.get();
    }

    /** Calls beyond the first for a schedule. */
    int duplicates() {
        return duplicates.get();
    }

    int unknown() {
        return unknown.get();
    }

    /** Waits until {@code expected} schedules were called, or the time is up; returns whether they were. */
    boolean awaitCalled(int expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (distinct.get() < expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** Earliest first call among schedules {@code 0..n-1}, in epoch micros (Long.MAX_VALUE if none). */
    long firstCall(int n) {
        return firstCall(0, n);
    }

    /** {@link #firstCall(int)} of schedules {@code from..to-1}. */
    long firstCall(int from, int to) {
        long min = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            long t = calledAt.get(i);
            if (t != 0 && t < min) {
                min = t;
            }
        }
        return min;
    }

    /** Latest first call among schedules {@code 0..n-1}, in epoch micros (0 if none). */
    long lastCall(int n) {
        return lastCall(0, n);
    }

    /** {@link #lastCall(int)} of schedules {@code from..to-1}. */
    long lastCall(int from, int to) {
        long max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, calledAt.get(i));
        }
        return max;
    }

    /** Schedules among {@code 0..n-1} handed to the engine but never called. */
    int missing(int n) {
        return missing(0, n);
    }

    /** {@link #missing(int)} of schedules {@code from..to-1}. */
    int missing(int from, int to) {
        int missing = 0;
        for (int i = from; i < to; i++) {
            if (isHanded(i) && calls.get(i) == 0) {
                missing++;
            }
        }
        return missing;
    }

    /** Schedules among {@code 0..n-1} handed to the engine. */
    int handed(int n) {
        return handed(0, n);
    }

    /** {@link #handed(int)} of schedules {@code from..to-1}. */
    int handed(int from, int to) {
        int handed = 0;
        for (int i = from; i < to; i++) {
            if (isHanded(i)) {
                handed++;
            }
        }
        return handed;
    }

    /** Schedules among {@code 0..n-1} called more than once. */
    int calledMoreThanOnce(int n) {
        return calledMoreThanOnce(0, n);
    }

    /** {@link #calledMoreThanOnce(int)} of schedules {@code from..to-1}. */
    int calledMoreThanOnce(int from, int to) {
        int more = 0;
        for (int i = from; i < to; i++) {
            if (calls.get(i) > 1) {
                more++;
            }
        }
        return more;
    }

    /** Lateness (first call − due) of the called schedules among {@code 0..n-1}, in microseconds, sorted. */
    long[] lateness(int n) {
        return lateness(0, n);
    }

    /** {@link #lateness(int)} of schedules {@code from..to-1}. */
    long[] lateness(int from, int to) {
        long[] out = new long[to - from];
        int k = 0;
        for (int i = from; i < to; i++) {
            long at = calledAt.get(i);
            if (at != 0 && isHanded(i)) {
                out[k++] = at - dueAt[i];
            }
        }
        long[] sorted = Arrays.copyOf(out, k);
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * The p99 lateness (ms) of each tenth of schedules {@code 0..n-1} in creation order (which is due order in a
     * steady run): flat when the engine keeps up, rising when it falls behind.
     */
    java.util.List<Double> p99ByTenth(int n) {
        return p99ByTenth(0, n);
    }

    /** {@link #p99ByTenth(int)} of schedules {@code from..to-1}. */
    java.util.List<Double> p99ByTenth(int from, int to) {
        var out = new java.util.ArrayList<Double>();
        int n = to - from;
        for (int d = 0; d < 10; d++) {
            int a = from + (int) ((long) n * d / 10);
            int b = from + (int) ((long) n * (d + 1) / 10);
            var slice = new long[b - a];
            int k = 0;
            for (int i = a; i < b; i++) {
                long at = calledAt.get(i);
                if (at != 0 && isHanded(i)) {
                    slice[k++] = at - dueAt[i];
                }
            }
            long[] sorted = Arrays.copyOf(slice, k);
            Arrays.sort(sorted);
            out.add(k == 0 ? null : Math.round(percentile(sorted, 99) / 100.0) / 10.0);
        }
        return out;
    }

    /** Nearest-rank percentile of sorted values ({@code p} in 0..100); NaN when empty. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
