package io.luxaris.engine;

import io.luxaris.StorageException;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.ClaimedJobs;
import io.luxaris.spi.engine.EngineContext;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.engine.SchedulerEngine;
import io.luxaris.spi.storage.Fence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default engine. One coordinator thread sleeps until the next due instant (or a wake-up, or the idle
 * backstop), claims only free capacity, keeps claimed jobs in per-connection FIFO queues, starts them in batches
 * within the global, per-connection and per-channel limits, runs the channel calls on the executor, and writes
 * outcomes in batches. It also heartbeats this instance's leases and reaps expired ones.
 */
public final class DefaultSchedulerEngine implements SchedulerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSchedulerEngine.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final PublishingOperations ops;
    private final EngineSettings settings;
    private final Clock clock;
    private final Executor executor;
    private final ExecutorService ownedExecutor;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<ConnectionId, ArrayDeque<PublishJob>> waiting = new LinkedHashMap<>();
    private final Map<ConnectionId, Integer> inFlightByConnection = new HashMap<>();
    private final Map<ChannelId, Integer> inFlightByChannel = new HashMap<>();
    private final ArrayDeque<JobResult> completions = new ArrayDeque<>();
    /** Channel calls in progress, by claim (a schedule claimed again is another entry). */
    private final Map<Fence, Running> running = new HashMap<>();
    /** Connections a platform rate-limited, not to be claimed or started before the instant. */
    private final Map<ConnectionId, Instant> blockedUntil = new HashMap<>();
    /** Claimed jobs to hand back (pending again) before the next outcomes are written. */
    private final List<PublishJob> toRelease = new ArrayList<>();

    private int inFlight;
    private int waitingCount;
    private long wakeAtNanos = Long.MAX_VALUE;
    private boolean active;
    private boolean stopping;
    private Thread coordinator;
    private Optional<Instant> lastNextDue = Optional.empty();

    private RunReport totals = RunReport.empty();

    public DefaultSchedulerEngine(EngineContext context) {
        this.ops = context.operations();
        this.settings = context.settings();
        this.clock = context.clock();
        if (settings.executor().isPresent()) {
            this.executor = settings.executor().get();
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = Executors.newFixedThreadPool(settings.maxConcurrency(), threads("luxaris-publish-"));
            this.executor = ownedExecutor;
        }
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
            if (active) {
                return;
            }
            active = true;
            stopping = false;
            coordinator = threads("luxaris-engine-").newThread(this::loop);
            coordinator.start();
            LOG.info(
                    "Luxaris publishing engine {} started (max {} in flight, {} per connection)",
                    ops.instanceId(),
                    settings.maxConcurrency(),
                    settings.perConnectionConcurrency());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop(Duration grace) {
        Thread thread;
        List<PublishJob> unstarted;
        lock.lock();
        try {
            if (!active) {
                return;
            }
            stopping = true;
            unstarted = drainWaiting();
            thread = coordinator;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        releaseQuietly(unstarted);
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            while (liveCalls() > 0 && System.nanoTime() < deadline) {
                changed.awaitNanos(Math.max(1, Math.min(deadline - System.nanoTime(), 100_000_000L)));
                abandonOverdue(System.nanoTime());
            }
            if (liveCalls() > 0) {
                LOG.warn(
                        "Luxaris engine {} stopped with {} publish(es) still running after the grace period; "
                                + "their leases are kept until this process ends, then they become unconfirmed",
                        ops.instanceId(),
                        liveCalls());
            }
            active = false;
            changed.signalAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            active = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        joinQuietly(thread);
        flushUntilEmpty(Duration.ofSeconds(10));
        lock.lock();
        try {
            stopping = false; // runDue() and start() work again
        } finally {
            lock.unlock();
        }
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
            return new EngineStatus(
                    active && !stopping, inFlight, waitingCount, completions.size(), lastNextDue, ops.instanceId());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void wakeUp(Instant due) {
        long delay = Duration.between(clock.instant(), due).toNanos();
        long at = System.nanoTime() + Math.max(0, delay);
        lock.lock();
        try {
            if (at < wakeAtNanos) {
                wakeAtNanos = at;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- runDue

    @Override
    public RunReport runDue() {
        RunReport before = totals();
        int reaped = ops.reap();
        long nextHeartbeat = System.nanoTime() + settings.heartbeatInterval().toNanos();
        while (true) {
            int free = freeCapacity();
            ClaimedJobs claimed = free > 0
                    ? ops.claim(Math.min(free, settings.claimBatchSize()), busyConnections())
                    : ClaimedJobs.none();
            add(new RunReport(0, 0, 0, 0, claimed.skipped(), 0));
            enqueue(claimed.jobs());
            dispatch();
            boolean idle = awaitIdle();
            if (System.nanoTime() >= nextHeartbeat) {
                ops.heartbeat();
                nextHeartbeat = System.nanoTime() + settings.heartbeatInterval().toNanos();
            }
            flushUntilEmpty(Duration.ofSeconds(30));
            if (claimed.claimed() == 0 && idle) {
                break;
            }
        }
        RunReport after = totals();
        return new RunReport(
                after.published() - before.published(),
                after.failed() - before.failed(),
                after.retried() - before.retried(),
                after.unconfirmed() - before.unconfirmed(),
                after.skipped() - before.skipped(),
                reaped,
                after.dryRuns() - before.dryRuns());
    }

    private RunReport totals() {
        lock.lock();
        try {
            return totals;
        } finally {
            lock.unlock();
        }
    }

    private void add(RunReport report) {
        lock.lock();
        try {
            totals = totals.plus(report);
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to 100 ms for progress; returns whether nothing runs, waits or remains to be written. */
    private boolean awaitIdle() {
        lock.lock();
        try {
            if (isIdle() || !completions.isEmpty() || readyToDispatch()) {
                return isIdle();
            }
            changed.await(100, TimeUnit.MILLISECONDS);
            abandonOverdue(System.nanoTime());
            return isIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Nothing running (that the engine still waits for), nothing waiting for a slot, nothing to write. */
    private boolean isIdle() {
        return liveCalls() == 0 && (waitingCount == 0 || stopping) && completions.isEmpty();
    }

    /** Channel calls still running that the engine has not given up on. */
    private int liveCalls() {
        int n = 0;
        for (Running r : running.values()) {
            if (!r.abandoned) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- the loop

    private void loop() {
        long nextHeartbeat = System.nanoTime() + settings.heartbeatInterval().toNanos();
        long nextReap = System.nanoTime();
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            lock.lock();
            try {
                if (!active) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                long now = System.nanoTime();
                abandonOverdue(now);
                if (now >= nextHeartbeat) {
                    ops.heartbeat();
                    nextHeartbeat = now + settings.heartbeatInterval().toNanos();
                }
                if (now >= nextReap && !isStopping()) {
                    ops.reap();
                    nextReap = now + settings.reapInterval().toNanos();
                }
                flush();
                boolean full = false;
                if (!isStopping()) {
                    int free = freeCapacity();
                    if (free > 0) {
                        int ask = Math.min(free, settings.claimBatchSize());
                        ClaimedJobs claimed = ops.claim(ask, busyConnections());
                        add(new RunReport(0, 0, 0, 0, claimed.skipped(), 0));
                        enqueue(claimed.jobs());
                        full = claimed.claimed() == ask;
                    }
                }
                dispatch();
                backoff = Duration.ofMillis(100);
                if (full) {
                    continue; // more may be due right now
                }
                sleep(nextHeartbeat, nextReap);
            } catch (StorageException e) {
                LOG.warn(
                        "Luxaris engine {}: storage failure in the engine loop ({}); retrying in {} ms",
                        ops.instanceId(),
                        e.getMessage(),
                        backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.error(
                        "Luxaris engine {}: unexpected failure in the engine loop; retrying in {} ms",
                        ops.instanceId(),
                        backoff.toMillis(),
                        e);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(long nextHeartbeat, long nextReap) {
        Optional<Instant> due = Optional.empty();
        boolean canClaim = freeCapacity() > 0 && !isStopping();
        if (canClaim) {
            due = ops.nextDue();
        }
        long now = System.nanoTime();
        long until = Math.min(nextHeartbeat, now + settings.maxIdleSleep().toNanos());
        if (!isStopping()) {
            until = Math.min(until, nextReap);
        }
        if (due.isPresent()) {
            long delay = Duration.between(clock.instant(), due.get()).toNanos();
            until = Math.min(until, now + Math.max(0, delay));
        }
        lock.lock();
        try {
            lastNextDue = due;
            wakeAtNanos = until;
            for (Running r : running.values()) {
                if (!r.abandoned) {
                    wakeAtNanos = Math.min(
                            wakeAtNanos, r.started + settings.publishTimeout().toNanos());
                }
            }
            while (active && completions.isEmpty() && !readyToDispatch()) {
                long wait = wakeAtNanos - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
                changed.awaitNanos(wait);
            }
            wakeAtNanos = Long.MAX_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            active = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives up on channel calls that ran longer than the publish timeout: they are recorded as unconfirmed (they
     * may have been posted), and whatever they return later is ignored. Their slots stay taken until they return.
     */
    private void abandonOverdue(long now) {
        lock.lock();
        try {
            long timeout = settings.publishTimeout().toNanos();
            for (Running r : running.values()) {
                if (!r.abandoned && now - r.started > timeout) {
                    r.abandoned = true;
                    // the connection and channel may go on; the thread keeps its global slot until it returns
                    releaseConnectionAndChannel(r.job);
                    Instant at = clock.instant();
                    completions.addLast(new JobResult(
                            r.job,
                            PublishOutcome.failed(
                                    FailureKind.UNKNOWN,
                                    "publish_timeout",
                                    "the channel did not answer within "
                                            + settings.publishTimeout().toSeconds()
                                            + " s; the post may or may not exist"),
                            at,
                            at));
                    LOG.warn(
                            "publishing schedule {} took longer than {}; recording it as unconfirmed",
                            r.job.schedule().id(),
                            settings.publishTimeout());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** A channel call in progress. */
    private static final class Running {
        final PublishJob job;
        final long started;
        boolean abandoned;

        Running(PublishJob job, long started) {
            this.job = job;
            this.started = started;
        }
    }

    private boolean isStopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- dispatching

    private int freeCapacity() {
        lock.lock();
        try {
            return settings.maxConcurrency() - inFlight - waitingCount;
        } finally {
            lock.unlock();
        }
    }

    /** Connections that must not get more claims: at their limit with what is in flight and waiting. */
    private Set<ConnectionId> busyConnections() {
        lock.lock();
        try {
            var busy = new HashSet<ConnectionId>();
            for (var e : inFlightByConnection.entrySet()) {
                if (e.getValue() + queued(e.getKey()) >= settings.perConnectionConcurrency()) {
                    busy.add(e.getKey());
                }
            }
            for (var e : waiting.entrySet()) {
                if (inFlightByConnection.getOrDefault(e.getKey(), 0)
                                + e.getValue().size()
                        >= settings.perConnectionConcurrency()) {
                    busy.add(e.getKey());
                }
            }
            for (ConnectionId id : List.copyOf(blockedUntil.keySet())) {
                if (isBlocked(id)) {
                    busy.add(id);
                }
            }
            return busy;
        } finally {
            lock.unlock();
        }
    }

    private int queued(ConnectionId id) {
        var q = waiting.get(id);
        return q == null ? 0 : q.size();
    }

    private void enqueue(List<PublishJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            for (PublishJob job : jobs) {
                if (stopping || isBlocked(job.connection().id())) {
                    toRelease.add(job); // claimed while stopping, or on a rate-limited account
                    continue;
                }
                waiting.computeIfAbsent(job.connection().id(), k -> new ArrayDeque<>())
                        .addLast(job);
                waitingCount++;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether a platform rate limit holds this connection back (expired blocks are dropped). */
    private boolean isBlocked(ConnectionId id) {
        Instant until = blockedUntil.get(id);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            blockedUntil.remove(id);
            return false;
        }
        return true;
    }

    /**
     * A platform rate-limited a connection until {@code until}: hold it back locally and hand its claimed, unstarted
     * jobs back so the outcome's deferral moves them to the reset time.
     */
    private void block(ConnectionId id, Instant until) {
        blockedUntil.merge(id, until, (a, b) -> a.isAfter(b) ? a : b);
        ArrayDeque<PublishJob> queue = waiting.remove(id);
        if (queue != null) {
            waitingCount -= queue.size();
            toRelease.addAll(queue);
        }
    }

    private void releaseHandedBack() {
        List<PublishJob> jobs;
        lock.lock();
        try {
            if (toRelease.isEmpty()) {
                return;
            }
            jobs = new ArrayList<>(toRelease);
            toRelease.clear();
        } finally {
            lock.unlock();
        }
        releaseQuietly(jobs);
    }

    private boolean readyToDispatch() {
        if (stopping || waitingCount == 0 || inFlight >= settings.maxConcurrency()) {
            return false;
        }
        for (var e : waiting.entrySet()) {
            if (!e.getValue().isEmpty() && canStart(e.getValue().peekFirst())) {
                return true;
            }
        }
        return false;
    }

    private boolean canStart(PublishJob job) {
        if (inFlightByConnection.getOrDefault(job.connection().id(), 0) >= settings.perConnectionConcurrency()) {
            return false;
        }
        if (settings.perChannelConcurrency().isPresent()
                && inFlightByChannel.getOrDefault(job.channel().id(), 0)
                        >= settings.perChannelConcurrency().getAsInt()) {
            return false;
        }
        return true;
    }

    /** Starts every waiting job the limits allow, in one batch. */
    private void dispatch() {
        List<PublishJob> batch = new ArrayList<>();
        lock.lock();
        try {
            if (stopping) {
                return;
            }
            var it = waiting.entrySet().iterator();
            while (it.hasNext() && inFlight < settings.maxConcurrency()) {
                var entry = it.next();
                ArrayDeque<PublishJob> queue = entry.getValue();
                while (!queue.isEmpty() && inFlight < settings.maxConcurrency() && canStart(queue.peekFirst())) {
                    PublishJob job = queue.pollFirst();
                    waitingCount--;
                    reserve(job);
                    batch.add(job);
                }
                if (queue.isEmpty()) {
                    it.remove();
                }
            }
        } finally {
            lock.unlock();
        }
        if (batch.isEmpty()) {
            return;
        }
        List<PublishJob> started;
        try {
            started = ops.start(batch);
        } catch (RuntimeException e) {
            // nothing was called; the claims stay queued until their lease expires and the reaper returns them
            lock.lock();
            try {
                batch.forEach(this::unreserve);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        var startedIds =
                new HashSet<>(started.stream().map(j -> j.schedule().id()).toList());
        lock.lock();
        try {
            for (PublishJob job : batch) {
                if (!startedIds.contains(job.schedule().id())) {
                    unreserve(job);
                }
            }
        } finally {
            lock.unlock();
        }
        lock.lock();
        try {
            long now = System.nanoTime();
            for (PublishJob job : started) {
                running.put(job.fence(), new Running(job, now));
            }
        } finally {
            lock.unlock();
        }
        for (PublishJob job : started) {
            try {
                executor.execute(() -> run(job));
            } catch (RejectedExecutionException e) {
                // the channel was not called: safe to retry
                Instant now = clock.instant();
                finish(new JobResult(
                        job,
                        PublishOutcome.failed(
                                FailureKind.RETRYABLE, "engine_rejected", "the publish executor refused the task"),
                        now,
                        now));
            }
        }
    }

    private void run(PublishJob job) {
        JobResult result;
        try {
            result = ops.publish(job);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            LOG.error(
                    "publishing schedule {} failed unexpectedly", job.schedule().id(), e);
            Instant now = clock.instant();
            result = new JobResult(
                    job,
                    PublishOutcome.failed(FailureKind.UNKNOWN, "engine_error", "the engine failed while publishing"),
                    now,
                    now);
        }
        finish(result);
    }

    private void finish(JobResult result) {
        lock.lock();
        try {
            Running r = running.remove(result.job().fence());
            if (r != null && r.abandoned) {
                inFlight--;
            } else {
                unreserve(result.job());
            }
            if (result.outcome() instanceof PublishOutcome.Failed f
                    && f.kind() == FailureKind.RATE_LIMITED
                    && f.retryAt().isPresent()
                    && (r == null || !r.abandoned)) {
                block(result.job().connection().id(), f.retryAt().get());
            }
            if (r != null && r.abandoned) {
                LOG.info(
                        "schedule {} answered after the publish timeout with {}; it stays unconfirmed",
                        result.job().schedule().id(),
                        describe(result));
            } else {
                completions.addLast(result);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String describe(JobResult result) {
        if (result.outcome() instanceof PublishOutcome.Published p) {
            return "published as " + p.externalId()
                    + p.url().map(u -> " (" + u + ")").orElse("");
        }
        if (result.outcome() instanceof PublishOutcome.DryRun) {
            return "a dry run (built, not sent)";
        }
        var f = (PublishOutcome.Failed) result.outcome();
        return f.kind().wireName() + " " + f.code();
    }

    private void reserve(PublishJob job) {
        inFlight++;
        inFlightByConnection.merge(job.connection().id(), 1, Integer::sum);
        inFlightByChannel.merge(job.channel().id(), 1, Integer::sum);
    }

    private void unreserve(PublishJob job) {
        inFlight--;
        releaseConnectionAndChannel(job);
    }

    private void releaseConnectionAndChannel(PublishJob job) {
        inFlightByConnection.computeIfPresent(job.connection().id(), (k, v) -> v > 1 ? v - 1 : null);
        inFlightByChannel.computeIfPresent(job.channel().id(), (k, v) -> v > 1 ? v - 1 : null);
    }

    private List<PublishJob> drainWaiting() {
        var all = new ArrayList<PublishJob>();
        waiting.values().forEach(all::addAll);
        waiting.clear();
        waitingCount = 0;
        return all;
    }

    // ---------------------------------------------------------------- completions

    /** Writes the outcomes collected so far, in batches; on failure keeps them for the next try. */
    private void flush() {
        releaseHandedBack();
        while (true) {
            List<JobResult> batch = new ArrayList<>();
            lock.lock();
            try {
                while (!completions.isEmpty() && batch.size() < settings.claimBatchSize()) {
                    batch.add(completions.pollFirst());
                }
            } finally {
                lock.unlock();
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                add(ops.complete(batch));
            } catch (StorageException e) {
                if (e.isTransient() || batch.size() == 1) {
                    requeue(batch);
                    throw e;
                }
                completeOneByOne(batch);
            } catch (RuntimeException e) {
                if (batch.size() == 1) {
                    LOG.error(
                            "could not record the outcome of schedule {}; its lease will expire and it will be "
                                    + "marked unconfirmed",
                            batch.get(0).job().schedule().id(),
                            e);
                    continue;
                }
                completeOneByOne(batch);
            }
        }
    }

    private void completeOneByOne(List<JobResult> batch) {
        for (JobResult result : batch) {
            try {
                add(ops.complete(List.of(result)));
            } catch (StorageException e) {
                if (e.isTransient()) {
                    requeue(List.of(result));
                } else {
                    LOG.error(
                            "could not record the outcome of schedule {}; its lease will expire and it will be "
                                    + "marked unconfirmed",
                            result.job().schedule().id(),
                            e);
                }
            } catch (RuntimeException e) {
                LOG.error(
                        "could not record the outcome of schedule {}; its lease will expire and it will be "
                                + "marked unconfirmed",
                        result.job().schedule().id(),
                        e);
            }
        }
    }

    private void requeue(List<JobResult> batch) {
        lock.lock();
        try {
            for (int i = batch.size() - 1; i >= 0; i--) {
                completions.addFirst(batch.get(i));
            }
        } finally {
            lock.unlock();
        }
    }

    private void flushUntilEmpty(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        Duration backoff = Duration.ofMillis(50);
        while (true) {
            try {
                flush();
                return;
            } catch (StorageException e) {
                if (System.nanoTime() > deadline) {
                    LOG.error(
                            "Luxaris engine {}: could not record {} outcome(s) ({}); their leases will expire and "
                                    + "they will be marked unconfirmed",
                            ops.instanceId(),
                            completions.size(),
                            e.getMessage());
                    lock.lock();
                    try {
                        completions.clear();
                    } finally {
                        lock.unlock();
                    }
                    return;
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void releaseQuietly(List<PublishJob> jobs) {
        try {
            ops.release(jobs);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Luxaris engine {}: could not release {} claimed schedule(s); they return to pending when "
                            + "their lease expires",
                    ops.instanceId(),
                    jobs.size(),
                    e);
        }
    }

    private static void joinQuietly(Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        var n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
