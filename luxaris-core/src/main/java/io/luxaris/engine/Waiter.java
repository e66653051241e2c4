package io.luxaris.engine;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where the engine's threads wait: until a deadline on the ticker, an earlier wake-up ({@link #wakeUpAt}), or a
 * signal that something changed. Conditions are checked under the engine's lock.
 */
final class Waiter {
    private final ReentrantLock lock;
    private final Condition changed;
    private final Ticker ticker;
    /** The deadline of the wait in progress, moved earlier by wake-ups. Guarded by lock. */
    @GuardedBy("lock")
    private long wakeAt = Long.MAX_VALUE;

    Waiter(ReentrantLock lock, Ticker ticker) {
        this.lock = lock;
        this.changed = lock.newCondition();
        this.ticker = ticker;
    }

    /**
     * Waits while {@code keepWaiting} holds (checked under the lock), until {@code untilNanos} or an earlier
     * wake-up. Returns early when interrupted, keeping the interrupt.
     */
    void await(long untilNanos, BooleanSupplier keepWaiting) {
        lock.lock();
        try {
            wakeAt = untilNanos;
            while (keepWaiting.getAsBoolean()) {
                long wait = wakeAt - ticker.nanoTime();
                if (wait <= 0) {
                    break;
                }
                changed.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            wakeAt = Long.MAX_VALUE;
            lock.unlock();
        }
    }

    /** Ends the wait in progress at {@code nanos} if that is earlier than its deadline. */
    void wakeUpAt(long nanos) {
        lock.lock();
        try {
            if (nanos < wakeAt) {
                wakeAt = nanos;
                changed.signalAll();
            }
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
