package io.luxaris.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaiterTest {
    private final ReentrantLock lock = new ReentrantLock();
    private final ManualTicker ticker = new ManualTicker();
    private final Waiter waiter = new Waiter(lock, ticker);
    private Thread thread;

    @AfterEach
    void stopTheWaitingThread() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    /** Starts a thread waiting until {@code untilNanos} while {@code keepWaiting} holds; returns its end latch. */
    private CountDownLatch waitOnAnotherThread(long untilNanos, AtomicBoolean keepWaiting, CountDownLatch started) {
        return waitOnAnotherThread(untilNanos, keepWaiting, started, false);
    }

    /** A thread waiting as {@code await} does, or as the coordinator's {@code sleep} (which wake-ups end). */
    private CountDownLatch waitOnAnotherThread(
            long untilNanos, AtomicBoolean keepWaiting, CountDownLatch started, boolean sleeping) {
        var done = new CountDownLatch(1);
        thread = new Thread(() -> {
            started.countDown();
            if (sleeping) {
                waiter.sleep(untilNanos, keepWaiting::get);
            } else {
                waiter.await(untilNanos, keepWaiting::get);
            }
            done.countDown();
        });
        thread.setDaemon(true);
        thread.start();
        FakeOperations.await(started, "the waiting thread to start");
        return done;
    }

    private java.util.concurrent.locks.Condition conditionOf() {
        try {
            var field = Waiter.class.getDeclaredField("changed");
            field.setAccessible(true);
            return (java.util.concurrent.locks.Condition) field.get(waiter);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private int waiters() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(conditionOf());
        } finally {
            lock.unlock();
        }
    }

    @Test
    void returnsAtOnce_whenThereIsNothingToWaitFor_orTheDeadlinePassed() {
        waiter.await(ticker.nanoTime() + Duration.ofHours(1).toNanos(), () -> false);
        waiter.await(ticker.nanoTime(), () -> true);
        waiter.await(ticker.nanoTime() - 1, () -> true);
    }

    @Test
    void aSignal_makesTheWaiterCheckItsConditionAgain() {
        var keepWaiting = new AtomicBoolean(true);
        CountDownLatch done = waitOnAnotherThread(Long.MAX_VALUE, keepWaiting, new CountDownLatch(1));
        awaitParkedLocked();

        keepWaiting.set(false);
        waiter.signal();

        FakeOperations.await(done, "the waiter to return");
    }

    @Test
    void anEarlierWakeUp_endsTheCoordinatorsSleep_aLaterOneDoesNot() {
        var keepWaiting = new AtomicBoolean(true);
        long deadline = ticker.nanoTime() + Duration.ofHours(1).toNanos();
        CountDownLatch done = waitOnAnotherThread(deadline, keepWaiting, new CountDownLatch(1), true);
        awaitParkedLocked();

        waiter.wakeUpAt(deadline + 1);
        assertThat(done.getCount()).as("a later wake-up changes nothing").isEqualTo(1);
        waiter.wakeUpAt(ticker.nanoTime());

        FakeOperations.await(done, "the waiter to return at the earlier wake-up");
        assertThat(keepWaiting).isTrue();
    }

    @Test
    void aWakeUpBeforeTheSleepBegins_isKeptUntilTheNextRound() {
        var keepWaiting = new AtomicBoolean(true);
        waiter.roundStarts();
        waiter.wakeUpAt(ticker.nanoTime()); // comes after the round read the next due instant, before it sleeps
        CountDownLatch done = waitOnAnotherThread(
                ticker.nanoTime() + Duration.ofHours(1).toNanos(), keepWaiting, new CountDownLatch(1), true);

        FakeOperations.await(done, "the sleep to end at once at the wake-up asked for before it began");
    }

    @Test
    void aWakeUp_doesNotEndAnOrdinaryWait() throws InterruptedException {
        var keepWaiting = new AtomicBoolean(true);
        CountDownLatch done = waitOnAnotherThread(
                ticker.nanoTime() + Duration.ofHours(1).toNanos(), keepWaiting, new CountDownLatch(1));
        awaitParkedLocked();

        waiter.wakeUpAt(ticker.nanoTime());
        Thread.sleep(50);

        assertThat(done.getCount())
                .as("stop()'s waits are not cut short by wake-ups")
                .isEqualTo(1);
        keepWaiting.set(false);
        waiter.signal();
        FakeOperations.await(done, "the waiter to return when its condition no longer holds");
    }

    @Test
    void theDeadlineOnTheTicker_endsTheWait() {
        var keepWaiting = new AtomicBoolean(true);
        CountDownLatch done = waitOnAnotherThread(
                ticker.nanoTime() + Duration.ofMillis(1).toNanos(), keepWaiting, new CountDownLatch(1));

        ticker.advance(Duration.ofMillis(1));

        FakeOperations.await(done, "the waiter to notice its deadline");
    }

    @Test
    void twoWaiters_eachKeepTheirOwnDeadline() throws InterruptedException {
        var keepWaiting = new AtomicBoolean(true);
        CountDownLatch soon = waitOnAnotherThread(
                ticker.nanoTime() + Duration.ofMillis(2).toNanos(), keepWaiting, new CountDownLatch(1));
        awaitParked(1);
        var late = new Thread(
                () -> waiter.await(ticker.nanoTime() + Duration.ofHours(1).toNanos(), keepWaiting::get));
        late.setDaemon(true);
        late.start();
        awaitParked(2);

        ticker.advance(Duration.ofMillis(2));

        try {
            FakeOperations.await(soon, "the waiter whose deadline passed to return");
        } finally {
            keepWaiting.set(false);
            waiter.signal();
            late.join(10_000);
        }
    }

    @Test
    void anInterruptedWaiter_returnsAndKeepsTheInterrupt() {
        var interrupted = new AtomicBoolean();
        var started = new CountDownLatch(1);
        var done = new CountDownLatch(1);
        thread = new Thread(() -> {
            started.countDown();
            waiter.await(Long.MAX_VALUE, () -> true);
            interrupted.set(Thread.currentThread().isInterrupted());
            done.countDown();
        });
        thread.start();
        FakeOperations.await(started, "the waiting thread to start");
        awaitParkedLocked();

        thread.interrupt();

        FakeOperations.await(done, "the interrupted waiter to return");
        assertThat(interrupted).isTrue();
    }

    /** Waits until the other thread waits on the waiter's condition (a wake-up only moves a wait in progress). */
    private void awaitParkedLocked() {
        awaitParked(1);
    }

    /** Waits until {@code n} threads wait on the waiter's condition. */
    private void awaitParked(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (waiters() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the other thread never waited");
            }
            Thread.onSpinWait();
        }
    }
}
