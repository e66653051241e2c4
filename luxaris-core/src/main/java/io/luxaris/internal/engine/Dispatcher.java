package io.luxaris.internal.engine;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.engine.ClaimedJobs;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.storage.Fence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine cycle and the state it works on: claimed jobs waiting for a slot ({@link Capacity}), channel calls
 * running on the executor ({@link Calls}) and outcomes waiting to be written ({@link Completions}). The coordinator
 * (or a caller of {@code runDue()}) runs cycles, one at a time; publish tasks report through the {@link Launcher}; the
 * background loop's writer thread writes the outcomes ({@link #awaitOutcomes}), runDue()'s cycles write them
 * themselves. While runDue()'s caller waits, a publish task with no job left runs the next cycle itself ({@link
 * #drive}): it writes the outcome it brought back, claims and starts the next jobs and takes them, so fast calls
 * run one cycle after another on one thread, as they would on the caller's, without waking it for each round. Once
 * {@link #unwrittenLimit} outcomes wait to be written, nothing new starts until the writer catches up.
 */
final class Dispatcher implements Launcher.CycleFromTask {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final PublishingOperations ops;
    private final EngineSettings settings;
    private final Clock clock;
    private final Ticker ticker;
    private final ReentrantLock lock;
    private final Waiter waiter;
    private final Outbox outbox;
    private final Launcher launcher;
    private final EngineObserver observer;

    @GuardedBy("lock")
    private final Capacity capacity;

    @GuardedBy("lock")
    private final Calls calls;

    @GuardedBy("lock")
    private boolean stopping;

    @GuardedBy("lock")
    private Optional<Instant> lastNextDue = Optional.empty();

    /** Whether claims take a whole batch ahead of the free slots (the background loop; not runDue()). */
    @GuardedBy("lock")
    private boolean claimAhead;

    /**
     * Whether a writer thread of its own writes the outcomes ({@link #awaitOutcomes}; the background loop), so that
     * writing one batch overlaps claiming and starting the next; else each cycle writes them first (runDue()).
     */
    @GuardedBy("lock")
    private boolean separateWriter;

    /** One cycle at a time: the caller's, the coordinator's, or a publish task's ({@link #drive}). */
    private final ReentrantLock cycleLock = new ReentrantLock();

    /** Whether publish tasks run the cycles while runDue()'s caller waits ({@link #drive}). */
    @GuardedBy("lock")
    private boolean tasksDrive;

    /** A publish task is running a cycle. */
    @GuardedBy("lock")
    private boolean taskDriving;

    /**
     * A task found the caller in a cycle and left the outcome it brought back to it: the caller runs the next cycle
     * (it does not wait for the tasks), and until it starts one no task does.
     */
    @GuardedBy("lock")
    private boolean callerCycles;

    /** What the cycles run by publish tasks did, until runDue()'s caller takes it. */
    @GuardedBy("lock")
    private RunReport taskReport = RunReport.empty();

    /** The claims of jobs taken to start whose start has not returned yet: a stopping engine waits for them. */
    @GuardedBy("lock")
    private final Set<Fence> starting = new HashSet<>();

    Dispatcher(
            PublishingOperations ops,
            EngineSettings settings,
            Clock clock,
            Ticker ticker,
            Executor executor,
            ReentrantLock lock,
            EngineObserver observer) {
        this.ops = ops;
        this.settings = settings;
        this.clock = clock;
        this.ticker = ticker;
        this.lock = lock;
        this.waiter = new Waiter(lock, ticker);
        this.observer = observer;
        this.outbox = new Outbox(ops, settings.claimBatchSize(), observer, this::written);
        this.capacity = new Capacity(
                settings.maxConcurrency(),
                settings.perConnectionConcurrency(),
                settings.perChannelConcurrency(),
                abandonedPerChannel(settings),
                unwrittenLimit(settings));
        this.calls = new Calls(settings.publishTimeout().toNanos());
        this.launcher =
                new Launcher(ops, settings, clock, ticker, executor, lock, waiter, outbox, capacity, calls, observer);
        this.launcher.cycles(this);
    }

    /**
     * How many calls of one channel the engine may have given up on (still holding a thread) before it holds that
     * channel back: a quarter of {@code maxConcurrency}, at least one.
     */
    static int abandonedPerChannel(EngineSettings settings) {
        return Math.max(1, settings.maxConcurrency() / 4);
    }

    /**
     * How many returned calls may wait for their outcome to be written before nothing new starts: {@code
     * maxConcurrency} plus one claim batch (the most the writer writes in one transaction), so that the writer finds
     * a full batch ready while the calls of the next ones run. It bounds what an instance holds in {@code
     * processing}, and so what a killed instance can leave {@code unconfirmed}, at {@code 2 * maxConcurrency +
     * claimBatchSize}.
     */
    static int unwrittenLimit(EngineSettings settings) {
        return settings.maxConcurrency() + settings.claimBatchSize();
    }

    /** What one cycle did. */
    record Cycle(
            RunReport report, int claimed, boolean full, Optional<StorageException> storeDown, boolean storeAnswered) {}

    /**
     * Gives up overdue calls, writes outcomes, claims free capacity or a batch ahead of it (when asked) and starts
     * what may start. Outcomes
     * the store refuses never hold the claims back: a store that is down fails the claim too.
     */
    Cycle cycle(boolean claim) {
        cycleLock.lock();
        try {
            lock.lock();
            try {
                callerCycles = false;
            } finally {
                lock.unlock();
            }
            return cycleLocked(claim, written -> {});
        } finally {
            cycleLock.unlock();
        }
    }

    /** @param onWritten told what the outcomes written by this cycle did, before it claims (which may throw) */
    private Cycle cycleLocked(boolean claim, Consumer<RunReport> onWritten) {
        abandonOverdue();
        boolean writerWrites;
        lock.lock();
        try {
            writerWrites = separateWriter;
        } finally {
            lock.unlock();
        }
        Completions.Flushed flushed =
                writerWrites ? new Completions.Flushed(RunReport.empty(), Optional.empty()) : outbox.flush();
        RunReport report = flushed.report();
        onWritten.accept(report);
        int claimed = 0;
        boolean full = false;
        boolean answered = false;
        if (claim) {
            int ask;
            Set<ConnectionId> busyConnections;
            Set<ChannelId> busyChannels;
            lock.lock();
            try {
                ask = claimAsk();
                busyConnections = capacity.busyConnections(clock.instant());
                busyChannels = capacity.busyChannels();
            } finally {
                lock.unlock();
            }
            if (ask > 0) {
                ClaimedJobs jobs;
                jobs = ops.claim(ask, busyConnections, busyChannels);
                observer.claimed(ask, jobs.claimed(), jobs.skipped());
                answered = true;
                if (flushed.storeDown().isPresent() || writerWrites) {
                    outbox.storeAnswered(); // the claim worked: outcomes that failed meanwhile are not an outage
                }
                report = report.plus(new RunReport(0, 0, 0, 0, jobs.skipped(), 0));
                enqueue(jobs.jobs());
                claimed = jobs.claimed();
                full = claimed == ask;
            }
        }
        dispatch();
        return new Cycle(report, claimed, full, flushed.storeDown(), answered);
    }

    /**
     * How many schedules the next claim asks for: the free slots (at most a claim batch); with claims ahead, a whole
     * claim batch beyond them once the waiting jobs no longer fill every slot, so that one claim feeds several
     * rounds of starts.
     */
    @GuardedBy("lock")
    private int claimAsk() {
        if (stopping) {
            return 0;
        }
        int batch = settings.claimBatchSize();
        return Math.min(batch, claimAhead ? capacity.claimableAhead(batch) : capacity.free());
    }

    /**
     * Publish tasks run the cycles ({@code true}: runDue(), while its caller waits) or leave them to the caller or
     * coordinator.
     */
    void setTasksDrive(boolean value) {
        lock.lock();
        try {
            tasksDrive = value;
            waiter.signal();
        } finally {
            lock.unlock();
        }
    }

    /** What the cycles run by publish tasks did since the last call. */
    RunReport takeTaskReport() {
        lock.lock();
        try {
            RunReport taken = taskReport;
            taskReport = RunReport.empty();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    @Override
    @GuardedBy("lock")
    public boolean tasksDrive() {
        return tasksDrive;
    }

    /**
     * A task with no job left runs the next cycle when tasks drive, no other thread runs one, and outcomes wait to be
     * written (the claim's free slots are the calls that brought them). It takes the cycle here, under the engine's
     * lock, so that it is never counted as looking for jobs a cycle of the caller starts meanwhile. Never on a thread
     * already in a cycle (an executor that runs tasks on the thread that hands them over).
     */
    @Override
    @GuardedBy("lock")
    public boolean claimDrive() {
        if (!tasksDrive || taskDriving || callerCycles || stopping || outbox.isEmpty()) {
            return false;
        }
        if (cycleLock.isHeldByCurrentThread()) {
            return false;
        }
        if (!cycleLock.tryLock()) {
            callerCycles = true; // the caller is in a cycle: the next one, with what the task brought back, is its
            return false;
        }
        taskDriving = true;
        return true;
    }

    /**
     * The cycle a publish task took with {@link #claimDrive}. What it did is kept for the caller; a store that fails
     * ends the tasks' cycles, so that the caller's next cycle meets the failure and answers for it.
     */
    @Override
    public void drive() {
        boolean failed = false;
        // what the outcomes it wrote did counts even when the claim after them fails
        var done = new AtomicReference<RunReport>(RunReport.empty());
        try {
            Cycle cycle = cycleLocked(true, done::set);
            done.set(cycle.report());
            failed = cycle.storeDown().isPresent();
        } catch (RuntimeException e) {
            LOG.debug("a cycle run by a publish task failed; the caller's next cycle answers for it", e);
            failed = true;
        } finally {
            // the cycle lock before taskDriving: a task that then finds the lock taken knows the caller holds it (one
            // that comes meanwhile sees taskDriving and ends; this task looks for outcomes again before it ends)
            cycleLock.unlock();
            lock.lock();
            try {
                taskReport = taskReport.plus(done.get());
                if (failed) {
                    tasksDrive = false;
                }
                taskDriving = false;
                if (failed || isIdle()) {
                    waiter.signal(); // the caller answers for the failure, or returns
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Claims take a whole batch ahead of the free slots ({@code true}: the background loop) or only free slots. */
    void setClaimAhead(boolean value) {
        lock.lock();
        try {
            claimAhead = value;
        } finally {
            lock.unlock();
        }
    }

    /** A writer thread writes the outcomes ({@code true}: the background loop) or each cycle does. */
    void setSeparateWriter(boolean value) {
        lock.lock();
        try {
            separateWriter = value;
            waiter.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Outcomes were written or given up for good: starts held back by unwritten outcomes may go on. */
    private void written(List<JobResult> results) {
        lock.lock();
        try {
            boolean freed = false;
            for (JobResult result : results) {
                freed |= capacity.written(result.job().fence());
            }
            if (freed) {
                waiter.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(List<PublishJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (stopping) {
                outbox.handBack(jobs);
            } else {
                outbox.handBack(capacity.enqueue(jobs, clock.instant()));
            }
            if (!outbox.isEmpty()) {
                waiter.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Starts every waiting job the limits allow, in one batch, and runs their calls on the executor. */
    void dispatch() {
        List<PublishJob> batch;
        lock.lock();
        try {
            batch = stopping ? List.of() : capacity.takeStartable(clock.instant());
            for (PublishJob job : batch) {
                starting.add(job.fence());
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
            // nothing was called: hand the claims back (fenced; those the store did move to processing too)
            lock.lock();
            try {
                for (PublishJob job : batch) {
                    starting.remove(job.fence());
                    capacity.release(job);
                }
                outbox.handBack(batch);
                waiter.signal();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        var startedFences = new HashSet<Fence>();
        started.forEach(j -> startedFences.add(j.fence()));
        lock.lock();
        try {
            long now = ticker.nanoTime();
            for (PublishJob job : batch) {
                starting.remove(job.fence());
                if (!startedFences.contains(job.fence())) {
                    capacity.release(job);
                }
            }
            started.forEach(job -> calls.started(job, now));
        } finally {
            lock.unlock();
        }
        launcher.launch(started);
    }

    /** Gives up on calls running longer than the publish timeout. */
    void abandonOverdue() {
        launcher.abandonOverdue();
    }

    Outbox outbox() {
        return outbox;
    }

    /** Writes what is buffered, retrying while the store is down for at most {@code max}. */
    void flushBeforeStop(Duration max) {
        outbox.flushBeforeStop(max, ticker, d -> pause(d, () -> true));
    }

    /** The claims this engine holds: waiting, running, or with an outcome not yet written. */
    List<Fence> held() {
        var fences = new ArrayList<Fence>();
        lock.lock();
        try {
            fences.addAll(capacity.waitingFences());
            fences.addAll(calls.liveFences());
        } finally {
            lock.unlock();
        }
        fences.addAll(outbox.fences());
        return fences;
    }

    /** A stopping engine hands its waiting claims back at once. */
    void releaseWaiting() {
        List<PublishJob> drained;
        lock.lock();
        try {
            drained = capacity.drainWaiting();
        } finally {
            lock.unlock();
        }
        outbox.release(drained);
        waiter.signal();
    }

    // ---------------------------------------------------------------- waiting

    /** Waits until {@code untilNanos} for progress; returns whether nothing runs, waits or remains to be written. */
    @SuppressWarnings("GuardedBy") // the waiter checks its condition under the engine's lock (this.lock)
    boolean awaitProgress(long untilNanos) {
        waiter.await(untilNanos, () -> !isIdle() && !hasWorkForCaller());
        abandonOverdue();
        lock.lock();
        try {
            return isIdle();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Something for the coordinator to do now: outcomes to write or claims to hand back (unless the writer thread
     * does that), a job that may start.
     */
    @GuardedBy("lock")
    private boolean hasWork() {
        return (!separateWriter && !outbox.isEmpty()) || (!stopping && capacity.canDispatch(clock.instant()));
    }

    /** {@link #hasWork}, unless publish tasks run the cycles and one is alive to run the next. */
    @GuardedBy("lock")
    @SuppressWarnings("GuardedBy") // the launcher's lock is this.lock, the engine's
    private boolean hasWorkForCaller() {
        return hasWork() && (!tasksDrive || callerCycles || launcher.alive() == 0);
    }

    @GuardedBy("lock")
    private boolean isIdle() {
        return calls.live() == 0 && (capacity.waiting() == 0 || stopping) && outbox.isEmpty() && !taskDriving;
    }

    /**
     * Waits up to {@code grace} for live calls to return, and for a start in progress on the coordinator to return
     * and hand its calls to the executor (they would otherwise run after the engine stopped, their outcomes unwritten
     * and their leases no longer kept); true when none is left. An interrupted caller stops waiting (keeping the
     * interrupt): each wait would return at once, and the loop would spin until the grace ends.
     */
    @SuppressWarnings("GuardedBy") // the waiter checks its condition under the engine's lock (this.lock)
    boolean awaitCalls(Duration grace) {
        long deadline = ticker.nanoTime() + grace.toNanos();
        long step = TimeUnit.MILLISECONDS.toNanos(100);
        while (callsOrStarts()
                && ticker.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted()) {
            waiter.await(Math.min(deadline, ticker.nanoTime() + step), this::callsOrStartsLeft);
            abandonOverdue();
        }
        return !callsOrStarts();
    }

    private boolean callsOrStarts() {
        lock.lock();
        try {
            return callsOrStartsLeft();
        } finally {
            lock.unlock();
        }
    }

    @GuardedBy("lock")
    private boolean callsOrStartsLeft() {
        return calls.live() > 0 || !starting.isEmpty();
    }

    /**
     * Sleeps until the next due instant, {@code untilNanos}, a call's timeout, or something to do; when the due
     * instant is unknown because no slot was free, also until one is. The next due instant and wake-ups end it no
     * earlier than {@code claimNotBefore} (the loop paces its claims).
     */
    @SuppressWarnings("GuardedBy") // the waiter checks its condition under the engine's lock (this.lock)
    void sleep(
            Optional<Instant> due,
            long untilNanos,
            BooleanSupplier stillCurrent,
            boolean untilClaimable,
            long claimNotBefore) {
        long at;
        lock.lock();
        try {
            lastNextDue = due;
            at = Math.min(untilNanos, calls.nextTimeout());
        } finally {
            lock.unlock();
        }
        if (due.isPresent()) {
            long delay = Duration.between(clock.instant(), due.get()).toNanos();
            at = Math.min(at, Math.max(claimNotBefore, ticker.nanoTime() + Math.max(0, delay)));
        }
        waiter.sleep(
                at,
                () -> stillCurrent.getAsBoolean() && !hasWork() && !(untilClaimable && claimAsk() > 0),
                claimNotBefore);
    }

    /** The writer thread waits until there are outcomes to write or claims to hand back, or {@code untilNanos}. */
    @SuppressWarnings("GuardedBy") // the waiter checks its condition under the engine's lock (this.lock)
    void awaitOutcomes(long untilNanos, BooleanSupplier stillCurrent) {
        waiter.await(untilNanos, () -> stillCurrent.getAsBoolean() && outbox.isEmpty());
    }

    /** Pauses (after a store failure) unless the engine stops meanwhile. */
    void pause(Duration d, BooleanSupplier stillCurrent) {
        waiter.await(ticker.nanoTime() + d.toNanos(), stillCurrent);
    }

    /** A schedule due at {@code due} was created or moved: the sleeping coordinator wakes by then. */
    void wakeUp(Instant due) {
        long delay = Duration.between(clock.instant(), due).toNanos();
        waiter.wakeUpAt(ticker.nanoTime() + Math.max(0, delay));
    }

    void signal() {
        waiter.signal();
    }

    /** The coordinator starts a round: wake-ups asked for until now are served by it. */
    void roundStarts() {
        waiter.roundStarts();
    }

    // ---------------------------------------------------------------- state

    void setStopping(boolean value) {
        lock.lock();
        try {
            stopping = value;
            waiter.signal();
        } finally {
            lock.unlock();
        }
    }

    boolean isStopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    boolean canClaim() {
        lock.lock();
        try {
            return claimAsk() > 0;
        } finally {
            lock.unlock();
        }
    }

    int liveCalls() {
        lock.lock();
        try {
            return calls.live();
        } finally {
            lock.unlock();
        }
    }

    EngineStatus status(boolean running, boolean loopAlive, Optional<Instant> lastLoopAt) {
        lock.lock(); // reentrant: the engine calls this under the same lock
        try {
            return status0(running, loopAlive, lastLoopAt);
        } finally {
            lock.unlock();
        }
    }

    @GuardedBy("lock")
    private EngineStatus status0(boolean running, boolean loopAlive, Optional<Instant> lastLoopAt) {
        return new EngineStatus(
                running && !stopping,
                capacity.inFlight(),
                capacity.waiting(),
                outbox.pendingOutcomes(),
                lastNextDue,
                ops.instanceId(),
                running && stopping,
                loopAlive,
                lastLoopAt,
                capacity.abandoned());
    }
}
