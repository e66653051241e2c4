package io.luxaris.internal.engine;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.engine.EngineContext;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.engine.SchedulerEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default engine: either a background coordinator thread ({@link #start()}) or the caller ({@link #runDue()},
 * helped by the publish threads while it waits) drives cycles of the {@link Dispatcher}: give up overdue calls, keep
 * held leases alive, reap expired ones, write outcomes (the background loop: a writer thread of its own does, so
 * writing overlaps claiming), claim free capacity (the background loop: up to a claim batch ahead of it, waiting in
 * memory), start what the limits allow. Between cycles the coordinator sleeps until the next due instant (after a
 * claim that found schedules, no sooner than {@link #CLAIM_PACE_NANOS}), a deadline of its own, a wake-up, or the
 * idle backstop.
 */
public final class DefaultSchedulerEngine implements SchedulerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSchedulerEngine.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The writer retries sooner: once enough outcomes wait, nothing new starts. */
    private static final Duration MAX_WRITER_BACKOFF = Duration.ofSeconds(5);

    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * After a claim that found some schedules but fewer than it asked for, the next one waits this long for the
     * schedules that fall due meanwhile: a steady stream is claimed in batches instead of one claim per due
     * instant (at 1,000 schedules/s, ten per claim instead of one), at the price of up to this much lateness.
     */
    static final long CLAIM_PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final PublishingOperations ops;
    private final EngineSettings settings;
    private final Clock clock;
    private final Ticker ticker;
    private final @Nullable ExecutorService ownedExecutor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Dispatcher dispatcher;

    /** Who drives the cycles: nobody, the background loop, or a caller of runDue(). Guarded by lock. */
    private enum Driver {
        NONE,
        LOOP,
        CALLER
    }

    @GuardedBy("lock")
    private Driver driver = Driver.NONE;
    /** Bumped by every start and stop: a loop whose generation is stale ends at its next check. */
    @GuardedBy("lock")
    private int generation;

    @GuardedBy("lock")
    private @Nullable Thread coordinator;

    /** The background loop's outcome writer ({@link #writeLoop}). */
    @GuardedBy("lock")
    private @Nullable Thread writer;

    /** When the background loop last went round (for health checks). */
    private volatile @Nullable Instant lastLoopAt;

    public DefaultSchedulerEngine(EngineContext context) {
        this(context, Ticker.SYSTEM);
    }

    DefaultSchedulerEngine(EngineContext context, Ticker ticker) {
        this.ops = context.operations();
        this.settings = context.settings();
        this.clock = context.clock();
        this.ticker = ticker;
        Executor executor;
        if (settings.executor().isPresent()) {
            executor = settings.executor().get();
            this.ownedExecutor = null;
        } else {
            // threads on demand: live calls are bounded by maxConcurrency, abandoned ones by each channel's budget
            this.ownedExecutor = new ThreadPoolExecutor(
                    0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads("luxaris-publish-"));
            executor = ownedExecutor;
        }
        this.dispatcher =
                new Dispatcher(ops, settings, clock, ticker, executor, lock, SafeObserver.of(context.observer()));
    }

    /** The factory of the default engine. */
    public static DefaultSchedulerEngine create(EngineContext context) {
        return new DefaultSchedulerEngine(context);
    }

    // ---------------------------------------------------------------- control

    @Override
    public void start() {
        lock.lock();
        try {
            if (driver == Driver.LOOP) {
                return;
            }
            if (driver == Driver.CALLER) {
                throw new IllegalStateException("runDue() is running; start the background engine after it returns");
            }
            driver = Driver.LOOP;
            dispatcher.setStopping(false);
            dispatcher.setClaimAhead(true);
            dispatcher.setSeparateWriter(true);
            int gen = ++generation;
            coordinator = threads("luxaris-engine-").newThread(() -> loop(gen));
            writer = threads("luxaris-writer-").newThread(() -> writeLoop(gen));
            coordinator.start();
            writer.start();
        } finally {
            lock.unlock();
        }
        LOG.info(
                "Luxaris publishing engine {} started (max {} in flight, {} per connection)",
                ops.instanceId(),
                settings.maxConcurrency(),
                settings.perConnectionConcurrency());
    }

    @Override
    public void stop(Duration grace) {
        Thread thread;
        Thread writing;
        lock.lock();
        try {
            if (driver != Driver.LOOP) {
                return;
            }
            dispatcher.setStopping(true);
            thread = coordinator;
            writing = writer;
        } finally {
            lock.unlock();
        }
        dispatcher.releaseWaiting();
        boolean allReturned = dispatcher.awaitCalls(grace);
        if (!allReturned) {
            LOG.warn(
                    "Luxaris engine {} stopped with {} publish(es) still running after the grace period; their leases"
                            + " are no longer extended: they expire and become unconfirmed",
                    ops.instanceId(),
                    dispatcher.liveCalls());
        }
        lock.lock();
        try {
            generation++; // the loop ends at its next check, even if a join below times out
            driver = Driver.NONE;
            dispatcher.signal();
        } finally {
            lock.unlock();
        }
        joinQuietly(thread);
        joinQuietly(writing);
        dispatcher.setSeparateWriter(false);
        dispatcher.setClaimAhead(false);
        dispatcher.flushBeforeStop(Duration.ofSeconds(10));
        dispatcher.setStopping(false);
        LOG.info("Luxaris publishing engine {} stopped", ops.instanceId());
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    @Override
    public EngineStatus status() {
        lock.lock();
        try {
            return dispatcher.status(
                    driver == Driver.LOOP,
                    coordinator != null && coordinator.isAlive(),
                    Optional.ofNullable(lastLoopAt));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void wakeUp(Instant due) {
        dispatcher.wakeUp(due);
    }

    // ---------------------------------------------------------------- runDue

    /**
     * Publishes what is due now on the calling thread and returns what this call did.
     *
     * @throws IllegalStateException when the background engine runs ({@link #start()}) or another runDue() does
     * @throws StorageException when the store fails; outcomes not yet written are kept for the next call
     */
    @Override
    public RunReport runDue() {
        lock.lock();
        try {
            if (driver != Driver.NONE) {
                throw new IllegalStateException(
                        driver == Driver.LOOP
                                ? "the background engine is running (publishing().start()); runDue() is for hosts that"
                                        + " drive publishing themselves"
                                : "runDue() is already running on another thread");
            }
            driver = Driver.CALLER;
        } finally {
            lock.unlock();
        }
        dispatcher.setTasksDrive(true);
        try {
            RunReport report = RunReport.empty();
            int reaped = ops.reap();
            long[] nextHeartbeat = {
                ticker.nanoTime() + settings.heartbeatInterval().toNanos()
            };
            while (true) {
                Dispatcher.Cycle cycle = dispatcher.cycle(true);
                report = report.plus(cycle.report());
                if (cycle.storeDown().isPresent() && (!cycle.storeAnswered() || cycle.claimed() == 0)) {
                    // nothing new to publish and outcomes the store refuses: they stay buffered for the next call
                    throw cycle.storeDown().get();
                }
                boolean idle = dispatcher.awaitProgress(ticker.nanoTime() + STEP_NANOS);
                report = report.plus(dispatcher.takeTaskReport());
                heartbeatIfDue(nextHeartbeat);
                if (cycle.claimed() == 0 && idle) {
                    report = report.plus(dispatcher.outbox().flushOrThrow());
                    break;
                }
            }
            return new RunReport(
                    report.published(),
                    report.failed(),
                    report.retried(),
                    report.unconfirmed(),
                    report.skipped(),
                    reaped,
                    report.dryRuns());
        } finally {
            dispatcher.setTasksDrive(false);
            lock.lock();
            try {
                driver = Driver.NONE;
            } finally {
                lock.unlock();
            }
        }
    }

    // ---------------------------------------------------------------- the loop

    private void loop(int gen) {
        long[] nextHeartbeat = {ticker.nanoTime() + settings.heartbeatInterval().toNanos()};
        long nextReap = ticker.nanoTime();
        var backoff = new Backoff(Duration.ofMillis(100), MAX_BACKOFF);
        while (isCurrent(gen)) {
            lastLoopAt = clock.instant();
            dispatcher.roundStarts();
            try {
                heartbeatIfDue(nextHeartbeat);
                if (ticker.nanoTime() >= nextReap && !dispatcher.isStopping()) {
                    ops.reap();
                    nextReap = ticker.nanoTime() + settings.reapInterval().toNanos();
                }
                Dispatcher.Cycle cycle = dispatcher.cycle(!dispatcher.isStopping());
                if (cycle.storeDown().isPresent()) {
                    throw cycle.storeDown().get();
                }
                backoff.reset();
                if (cycle.full()) {
                    continue; // more may be due right now
                }
                boolean claimable = dispatcher.canClaim();
                if (claimable && !cycle.storeAnswered()) {
                    // the cycle had no room to claim and now has: claim at once (asking for the next due instant
                    // would cost a query and tell nothing a claim does not)
                    continue;
                }
                Optional<Instant> due = claimable ? ops.nextDue() : Optional.empty();
                long claimNotBefore = cycle.claimed() > 0 ? ticker.nanoTime() + CLAIM_PACE_NANOS : Long.MIN_VALUE;
                long until = Math.min(
                        nextHeartbeat[0],
                        ticker.nanoTime() + settings.maxIdleSleep().toNanos());
                if (!dispatcher.isStopping()) {
                    until = Math.min(until, nextReap);
                }
                dispatcher.sleep(due, until, () -> isCurrent(gen), !claimable, claimNotBefore);
            } catch (StorageException e) {
                Duration pause = backoff.next();
                LOG.warn(
                        "Luxaris engine {}: storage failure in the engine loop ({}); retrying in {} ms",
                        ops.instanceId(),
                        e.getMessage(),
                        pause.toMillis());
                dispatcher.pause(pause, () -> isCurrent(gen));
            } catch (RuntimeException e) {
                pauseAfterUnexpected(e, "in the engine loop", backoff, gen);
            }
        }
    }

    /**
     * The background loop's outcome writer: writes outcomes (and hands claims back) as they come, on a database
     * connection of its own, while the coordinator claims and starts the next batch. While the store is down it
     * retries with a backoff; once {@code maxConcurrency} plus a claim batch of outcomes wait, the engine starts
     * nothing new.
     */
    private void writeLoop(int gen) {
        var backoff = new Backoff(Duration.ofMillis(50), MAX_WRITER_BACKOFF);
        while (isCurrent(gen)) {
            try {
                dispatcher.awaitOutcomes(
                        ticker.nanoTime() + settings.maxIdleSleep().toNanos(), () -> isCurrent(gen));
                if (dispatcher.outbox().flush().storeDown().isEmpty()) {
                    backoff.reset();
                    continue;
                }
                Duration pause = backoff.next();
                LOG.warn(
                        "Luxaris engine {}: the store refuses the outcomes of {} publish(es); retrying in {} ms",
                        ops.instanceId(),
                        dispatcher.outbox().pendingOutcomes(),
                        pause.toMillis());
                dispatcher.pause(pause, () -> isCurrent(gen));
            } catch (RuntimeException e) {
                pauseAfterUnexpected(e, "writing outcomes", backoff, gen);
            }
        }
    }

    /** A bug met by one of the engine's threads: logged, then that thread pauses before it goes on. */
    private void pauseAfterUnexpected(RuntimeException e, String where, Backoff backoff, int gen) {
        Duration pause = backoff.next();
        LOG.error(
                "Luxaris engine {}: unexpected failure {}; retrying in {} ms",
                ops.instanceId(),
                where,
                pause.toMillis(),
                e);
        dispatcher.pause(pause, () -> isCurrent(gen));
    }

    /** Extends the leases of the jobs this engine still holds (and only those). */
    private void heartbeatIfDue(long[] nextHeartbeat) {
        if (ticker.nanoTime() >= nextHeartbeat[0]) {
            ops.heartbeat(dispatcher.held());
            nextHeartbeat[0] = ticker.nanoTime() + settings.heartbeatInterval().toNanos();
        }
    }

    private boolean isCurrent(int gen) {
        lock.lock();
        try {
            return generation == gen && driver == Driver.LOOP;
        } finally {
            lock.unlock();
        }
    }

    private static void joinQuietly(@Nullable Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory threads(String prefix) {
        var n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
