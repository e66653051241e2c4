package io.luxaris.internal.engine;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where the engine's threads wait: each until its own deadline on the ticker, or a signal that something changed.
 * The coordinator's sleep also ends at a wake-up ({@link #wakeUpAt}): a wake-up is kept until the coordinator
 * starts its next round ({@link #roundStarts()}), so one that comes between reading the next due instant and
 * falling asleep is not lost. Conditions are checked under the engine's lock.
 */
final class Waiter {
    private final ReentrantLock lock;
    private final Condition changed;
    private final Ticker ticker;

    /** The earliest wake-up asked for since the coordinator's round started. */
    @GuardedBy("lock")
    private long wakeUpAt = Long.MAX_VALUE;

    Waiter(ReentrantLock lock, Ticker ticker) {
        this.lock = lock;
        this.changed = lock.newCondition();
        this.ticker = ticker;
    }

    /**
     * Waits while {@code keepWaiting} holds (checked under the lock), until {@code untilNanos}. Returns early when
     * interrupted, keeping the interrupt.
     */
    void await(long untilNanos, BooleanSupplier keepWaiting) {
        await(untilNanos, keepWaiting, false, Long.MIN_VALUE);
    }

    /** {@link #await}, ending at a wake-up too: the coordinator's sleep. */
    void sleep(long untilNanos, BooleanSupplier keepWaiting) {
        await(untilNanos, keepWaiting, true, Long.MIN_VALUE);
    }

    /** {@link #sleep}, where a wake-up ends it no earlier than {@code wakeUpNotBefore}. */
    void sleep(long untilNanos, BooleanSupplier keepWaiting, long wakeUpNotBefore) {
        await(untilNanos, keepWaiting, true, wakeUpNotBefore);
    }

    private void await(long untilNanos, BooleanSupplier keepWaiting, boolean wakeable, long wakeUpNotBefore) {
        lock.lock();
        try {
            while (keepWaiting.getAsBoolean()) {
                long deadline = wakeable ? Math.min(untilNanos, Math.max(wakeUpAt, wakeUpNotBefore)) : untilNanos;
                long wait = deadline - ticker.nanoTime();
                if (wait <= 0) {
                    break;
                }
                changed.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** The coordinator's sleep ends by {@code nanos} (kept until its next round starts). */
    void wakeUpAt(long nanos) {
        lock.lock();
        try {
            if (nanos < wakeUpAt) {
                wakeUpAt = nanos;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The coordinator starts a round (it will read the next due instant): earlier wake-ups are served by it. */
    void roundStarts() {
        lock.lock();
        try {
            wakeUpAt = Long.MAX_VALUE;
        } finally {
            lock.unlock();
        }
    }

    /** Something changed: waiting threads check their condition again. */
    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
