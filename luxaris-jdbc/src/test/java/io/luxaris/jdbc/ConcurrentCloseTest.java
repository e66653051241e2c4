package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fault 7 (part): {@code close()} of {@link Luxaris} and of {@link JdbcStorage} called from several threads at
 * once: every part is closed once, no call throws, and no call returns while another one is still closing (its
 * caller would go on believing everything is closed).
 *
 * <p>Each test holds the first {@code close()} inside its work (a publisher slow to close; a pool whose connections
 * are all taken), lets the other threads call {@code close()}, and checks that none of them returned before the
 * first one finished. The wait for an early return is bounded (a call that returns at once does so within
 * milliseconds); a correct {@code close()} cannot return during it, so the test cannot fail spuriously.
 */
class ConcurrentCloseTest {
    private static final int CLOSERS = 6;
    private static final long EARLY_RETURN_WINDOW_MS = 500;

    @Test
    void luxarisClosedFromSeveralThreads_closesEachPartOnce_andNoCallReturnsWhileAnotherIsClosing() throws Exception {
        var publisherCloses = new AtomicInteger();
        var storageCloses = new AtomicInteger();
        var closing = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (JdbcStorage jdbc = JdbcStorage.inMemory()) {
            StorageProvider counted = context -> countingCloses(jdbc.open(context), storageCloses);
            Luxaris luxaris = Luxaris.builder()
                    .storage(counted)
                    .channel(new SlowToClose(closing, release, publisherCloses))
                    .build();

            var errors = new CopyOnWriteArrayList<Throwable>();
            Thread first = closer(luxaris::close, errors);
            first.start();
            assertThat(closing.await(10, TimeUnit.SECONDS))
                    .as("the first close() reached the publisher")
                    .isTrue();
            List<Thread> others = startClosers(luxaris::close, errors);
            int returnedEarly = returnedWithin(others, EARLY_RETURN_WINDOW_MS);
            release.countDown();
            joinAll(first, others);

            assertThat(returnedEarly)
                    .as("close() calls that returned while the first one was still closing the publisher")
                    .isZero();
            assertThat(errors).isEmpty();
            assertThat(publisherCloses).as("publisher closes").hasValue(1);
            assertThat(storageCloses).as("storage closes").hasValue(1);
        }
    }

    @Test
    void jdbcStorageClosedFromSeveralThreads_shutsDownOnce_andNoCallReturnsWhileAnotherIsClosing() throws Exception {
        JdbcStorage jdbc = JdbcStorage.inMemory(); // pool of 4; closing it shuts the in-memory database down
        Storage storage = jdbc.open(new StorageContext(Clock.systemUTC()));
        var holding = new CountDownLatch(4);
        var release = new CountDownLatch(1);
        var holders = new ArrayList<Thread>();
        // transactions still running when the database shuts down may fail; that is what closing means
        var holderErrors = new CopyOnWriteArrayList<Throwable>();
        var errors = new CopyOnWriteArrayList<Throwable>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(
                    () -> storage.readOnly(tx -> {
                        holding.countDown();
                        await(release);
                        return null;
                    }),
                    "holder-" + i);
            t.setUncaughtExceptionHandler((th, e) -> holderErrors.add(e));
            t.start();
            holders.add(t);
        }
        assertThat(holding.await(10, TimeUnit.SECONDS))
                .as("every pooled connection is taken")
                .isTrue();

        // the first close() waits for a connection to shut the database down with
        Thread first = closer(jdbc::close, errors);
        first.start();
        awaitWaiting(first);
        List<Thread> others = startClosers(jdbc::close, errors);
        int returnedEarly = returnedWithin(others, EARLY_RETURN_WINDOW_MS);
        release.countDown();
        for (Thread t : holders) {
            t.join(TimeUnit.SECONDS.toMillis(20));
        }
        joinAll(first, others);

        assertThat(returnedEarly)
                .as("close() calls that returned while the first one was still shutting the database down")
                .isZero();
        assertThat(errors).isEmpty();
        assertThat(holderErrors).allSatisfy(e -> assertThat(e).isInstanceOf(StorageException.class));
        assertThatThrownBy(() -> jdbc.open(new StorageContext(Clock.systemUTC())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.readOnly(tx -> tx.queue().now()))
                .as("the pool is closed")
                .isInstanceOf(RuntimeException.class);
    }

    private static Thread closer(Runnable close, List<Throwable> errors) {
        Thread t = new Thread(close, "closer");
        t.setUncaughtExceptionHandler((th, e) -> errors.add(e));
        return t;
    }

    private static List<Thread> startClosers(Runnable close, List<Throwable> errors) {
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < CLOSERS; i++) {
            Thread t = closer(close, errors);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    /** How many of {@code threads} finished within {@code millis}. */
    private static int returnedWithin(List<Thread> threads, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return (int) threads.stream().filter(t -> !t.isAlive()).count();
    }

    private static void joinAll(Thread first, List<Thread> others) throws InterruptedException {
        first.join(TimeUnit.SECONDS.toMillis(30));
        for (Thread t : others) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(first.isAlive()).as("the first close() finished").isFalse();
        assertThat(others).noneMatch(Thread::isAlive);
    }

    /** Waits until {@code t} blocks (waiting for a pooled connection). */
    private static void awaitWaiting(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.TIMED_WAITING || s == Thread.State.WAITING) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the first close() never waited for a connection: " + t.getState());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Storage countingCloses(Storage target, AtomicInteger closes) {
        return (Storage) Proxy.newProxyInstance(
                ConcurrentCloseTest.class.getClassLoader(), new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closes.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A channel whose publisher takes until {@code release} to close, and counts its closes. */
    private record SlowToClose(CountDownLatch closing, CountDownLatch release, AtomicInteger closes)
            implements ChannelProvider {
        @Override
        public String key() {
            return "slow";
        }

        @Override
        public ChannelDescriptor descriptor() {
            return ChannelDescriptor.of(
                    "Slow to close", ChannelLimits.builder(280).build());
        }

        @Override
        public ChannelPublisher createPublisher(ChannelEnvironment environment) {
            return new ChannelPublisher() {
                @Override
                public PublishOutcome publish(PublishRequest request, io.luxaris.spi.channel.PublishContext context) {
                    throw new UnsupportedOperationException("never called");
                }

                @Override
                public void close() {
                    closing.countDown();
                    await(release);
                    closes.incrementAndGet();
                }
            };
        }
    }
}
