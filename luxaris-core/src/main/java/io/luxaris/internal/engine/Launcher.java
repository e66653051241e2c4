package io.luxaris.internal.engine;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.PublishingOperations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs started jobs' channel calls on the executor and takes their answers. Started jobs wait in a queue for a publish
 * task; a task runs their calls one after the other while jobs are ready, and more tasks are handed to the executor
 * only while jobs wait with no task looking for them (see {@link #task}). A call that returns frees its slots
 * and buffers its outcome, counted as unwritten until it is written (a rate limit blocks its connection); a call
 * running past the publish timeout is given up (recorded as unconfirmed, its slots freed, its channel's abandoned
 * budget charged) and its late answer only logged. Whatever a publish thread meets, the engine hears of the call
 * exactly once. A task with no job left may run the engine's next cycle ({@link CycleFromTask}) and then take the jobs
 * it started.
 *
 * <p>{@link Capacity} and {@link Calls} are shared with the {@link Dispatcher} under the engine's lock.
 */
final class Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private final PublishingOperations ops;
    private final EngineSettings settings;
    private final Clock clock;
    private final Ticker ticker;
    private final Executor executor;
    private final ReentrantLock lock;
    private final Waiter waiter;
    private final EngineObserver observer;
    private final Outbox outbox;

    @GuardedBy("lock")
    private final Capacity capacity;

    @GuardedBy("lock")
    private final Calls calls;

    /** Started jobs no publish task has taken yet, in the order they started. */
    @GuardedBy("lock")
    private final ArrayDeque<PublishJob> ready = new ArrayDeque<>();

    /** Publish tasks handed over that have not yet looked at {@link #ready} (each will before it ends). */
    @GuardedBy("lock")
    private int looking;

    /** Publish tasks handed over that have not ended (looking, running a call, or running a cycle). */
    @GuardedBy("lock")
    private int alive;

    /** Lets a publish task with no job left run the engine's next cycle itself (runDue()); none by default. */
    private CycleFromTask cycles = CycleFromTask.NONE;

    /**
     * The engine's next cycle, run by a publish task that has no job left: while runDue()'s caller waits, the
     * task that brings the last outcome back writes it, claims and starts the next jobs and takes them itself, as
     * the caller would have after being woken, without the two hand-overs between threads.
     */
    interface CycleFromTask {
        CycleFromTask NONE = new CycleFromTask() {
            @Override
            public boolean claimDrive() {
                return false;
            }

            @Override
            public void drive() {}

            @Override
            public boolean tasksDrive() {
                return false;
            }
        };

        /** Under the engine's lock: whether tasks run the cycles now (a returned call then wakes nobody). */
        boolean tasksDrive();

        /**
         * Called under the engine's lock by a task with no job left: whether it runs the next cycle now. If so the
         * cycle is its own (no other thread runs one) until {@link #drive} returns; if not, the task ends.
         */
        boolean claimDrive();

        /** Runs the cycle {@link #claimDrive} gave the task, outside the engine's lock; never throws. */
        void drive();
    }

    /** The publish task this thread runs, if any (an executor that runs tasks on the caller's thread nests them). */
    private static final ThreadLocal<@Nullable TaskState> CURRENT = new ThreadLocal<>();

    Launcher(
            PublishingOperations ops,
            EngineSettings settings,
            Clock clock,
            Ticker ticker,
            Executor executor,
            ReentrantLock lock,
            Waiter waiter,
            Outbox outbox,
            Capacity capacity,
            Calls calls,
            EngineObserver observer) {
        this.observer = observer;
        this.ops = ops;
        this.settings = settings;
        this.clock = clock;
        this.ticker = ticker;
        this.executor = executor;
        this.lock = lock;
        this.waiter = waiter;
        this.outbox = outbox;
        this.capacity = capacity;
        this.calls = calls;
    }

    void cycles(CycleFromTask cycles) {
        this.cycles = cycles;
    }

    /** Publish tasks handed over that have not ended. */
    @GuardedBy("lock")
    int alive() {
        return alive;
    }

    /**
     * Runs the calls of started (registered) jobs: they wait in {@link #ready} for a publish task. A job is never
     * left there without a task that will look for it; a task the executor refuses while no other would look fails
     * the jobs left retryably (nothing was sent).
     */
    void launch(List<PublishJob> started) {
        if (started.isEmpty()) {
            return;
        }
        int tasks;
        lock.lock();
        try {
            ready.addAll(started);
            tasks = moreTasks(false);
        } finally {
            lock.unlock();
        }
        handOver(tasks);
    }

    private void handOver(int tasks) {
        for (int i = 0; i < tasks; i++) {
            try {
                executor.execute(this::task);
            } catch (RejectedExecutionException e) {
                refused();
            }
        }
    }

    /** A task the executor refused will not look: the jobs nobody else will take fail retryably. */
    private void refused() {
        List<PublishJob> orphans = new ArrayList<>();
        lock.lock();
        try {
            looking--;
            alive--;
            if (looking == 0) {
                orphans.addAll(ready);
                ready.clear();
            }
        } finally {
            lock.unlock();
        }
        for (PublishJob job : orphans) {
            Instant now = clock.instant();
            finish(new JobResult(
                    job,
                    PublishOutcome.failed(
                            FailureKind.RETRYABLE, "engine_rejected", "the publish executor refused the task"),
                    now,
                    now));
        }
    }

    /**
     * A publish task: takes ready jobs one after the other and runs their calls, until none is ready; then, when
     * {@link CycleFromTask#claimDrive} says so, it runs the engine's next cycle and goes on with the jobs it started.
     * Before each call it makes sure the jobs it leaves behind are looked for: a task just handed over asks for up to
     * two more tasks (so that the calls of a batch of slow channels get their threads in a few hand-overs), a task
     * back from a call for one, only when no other task looks. Fast calls thus run one after the other on a few
     * threads instead of one hand-over (and one thread woken) each.
     */
    private void task() {
        TaskState outer = CURRENT.get();
        if (outer != null && outer.launcher == this) {
            // the executor runs tasks on the thread that hands them over (a direct executor): the task handing
            // this one over takes the jobs left itself once its call returns, and hands over no more
            outer.inline = true;
            lock.lock();
            try {
                looking--;
                alive--;
            } finally {
                lock.unlock();
            }
            return;
        }
        var state = new TaskState(this);
        CURRENT.set(state);
        try {
            boolean fresh = true;
            @Nullable JobResult done = null;
            while (true) {
                @Nullable PublishJob job;
                int more = 0;
                lock.lock();
                try {
                    if (done == null) {
                        looking--; // handed over (or back from a cycle), it looks now
                    } else {
                        finishLocked(done);
                    }
                    job = ready.pollFirst();
                    if (job == null) {
                        if (state.inline || !cycles.claimDrive()) {
                            return;
                        }
                        looking++; // it looks again after the cycle: the jobs the cycle starts need no other task
                    } else {
                        more = state.inline ? 0 : moreTasks(fresh);
                    }
                } finally {
                    lock.unlock();
                }
                if (job == null) {
                    try {
                        cycles.drive();
                    } catch (Error e) {
                        handOverForJobsLeft(true); // it will not look for the jobs the cycle started
                        throw e;
                    }
                    done = null; // it looks for the jobs the cycle started
                    continue;
                }
                fresh = false;
                handOver(more);
                done = run(job);
            }
        } finally {
            lock.lock();
            try {
                alive--;
                if (alive == 0) {
                    waiter.signal(); // a caller waiting for the tasks to end writes what they leave
                }
            } finally {
                lock.unlock();
            }
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * How many more tasks to hand over for the jobs ready now, counted as looking: up to two in all for a task just
     * handed over ({@code fresh}), else one when no task looks.
     */
    @GuardedBy("lock")
    private int moreTasks(boolean fresh) {
        int more;
        if (ready.isEmpty()) {
            more = 0;
        } else if (fresh) {
            more = Math.max(0, Math.min(2, ready.size()) - looking);
        } else {
            more = looking == 0 ? 1 : 0;
        }
        looking += more;
        alive += more;
        return more;
    }

    /**
     * A task that ends on an error makes sure the jobs left are looked for by another; {@code counted}: it was
     * counted as looking and no longer is.
     */
    private void handOverForJobsLeft(boolean counted) {
        int tasks;
        lock.lock();
        try {
            if (counted) {
                looking--;
            }
            tasks = moreTasks(false);
        } finally {
            lock.unlock();
        }
        handOver(tasks);
    }

    /** What a publish task learns about its executor while it runs. */
    private static final class TaskState {
        final Launcher launcher;

        /** The executor ran a task this one handed over on this thread, at once. */
        boolean inline;

        TaskState(Launcher launcher) {
            this.launcher = launcher;
        }
    }

    /** Runs one call: whatever happens, the engine hears of it exactly once. */
    private JobResult run(PublishJob job) {
        EngineObserver.PublishScope scope = observer.publishing(job);
        JobResult result;
        try {
            result = ops.publish(job);
        } catch (VirtualMachineError e) {
            JobResult failed = engineError(job);
            scope.close(failed);
            finish(failed);
            handOverForJobsLeft(false);
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.error(
                    "publishing schedule {} failed unexpectedly", job.schedule().id(), e);
            result = null;
        }
        JobResult done = result != null ? result : engineError(job);
        scope.close(done);
        return done;
    }

    private JobResult engineError(PublishJob job) {
        Instant now = clock.instant();
        return new JobResult(
                job,
                PublishOutcome.failed(FailureKind.UNKNOWN, "engine_error", "the engine failed while publishing"),
                now,
                now);
    }

    /** A call returned (or could not run): frees its slots and buffers its outcome, unless it was given up. */
    private void finish(JobResult result) {
        lock.lock();
        try {
            finishLocked(result);
        } finally {
            lock.unlock();
        }
    }

    @GuardedBy("lock")
    private void finishLocked(JobResult result) {
        PublishJob job = result.job();
        Calls.Call call = calls.finished(job.fence());
        if (call != null && call.abandoned) {
            capacity.abandonedReturned(job);
            LOG.info(
                    "schedule {} answered after the publish timeout with {}; it stays unconfirmed",
                    job.schedule().id(),
                    describe(result.outcome()));
        } else {
            if (call != null) {
                capacity.returned(job); // free slots; unwritten outcome
            }
            if (result.outcome() instanceof PublishOutcome.Failed f
                    && f.kind() == FailureKind.RATE_LIMITED
                    && f.retryAt().isPresent()) {
                observer.throttled(job, f.retryAt().get());
                outbox.handBack(
                        capacity.block(job.connection().id(), f.retryAt().get()));
            }
            outbox.add(result);
        }
        if (!cycles.tasksDrive()) {
            waiter.signal();
        }
    }

    /**
     * Gives up on calls running longer than the publish timeout: recorded as unconfirmed (they may have been
     * posted); their slots are free for other work, their channel's abandoned budget is not.
     */
    void abandonOverdue() {
        lock.lock();
        try {
            for (PublishJob job : calls.abandonOverdue(ticker.nanoTime())) {
                capacity.abandon(job);
                observer.abandoned(job);
                Instant at = clock.instant();
                outbox.add(new JobResult(
                        job,
                        PublishOutcome.failed(
                                FailureKind.UNKNOWN,
                                "publish_timeout",
                                "the channel did not answer within "
                                        + settings.publishTimeout().toSeconds() + " s; the post may or may not exist"),
                        at,
                        at));
                LOG.warn(
                        "publishing schedule {} took longer than {}; recording it as unconfirmed",
                        job.schedule().id(),
                        settings.publishTimeout());
            }
            outbox.handBack(capacity.takeStalled());
            if (!outbox.isEmpty()) {
                waiter.signal(); // the writer thread, if there is one, writes them
            }
        } finally {
            lock.unlock();
        }
    }

    private static String describe(PublishOutcome outcome) {
        if (outcome instanceof PublishOutcome.Published p) {
            return "published as " + p.externalId();
        }
        if (outcome instanceof PublishOutcome.DryRun) {
            return "a dry run (built, not sent)";
        }
        var f = (PublishOutcome.Failed) outcome;
        return f.kind().wireName() + " " + f.code();
    }
}
