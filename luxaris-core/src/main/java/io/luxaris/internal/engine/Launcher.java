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
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs started jobs' channel calls on the executor and takes their answers: a call that returns frees its slots
 * and buffers its outcome, counted as unwritten until it is written (a rate limit blocks its connection); a call
 * running past the publish timeout is given up (recorded as unconfirmed, its slots freed, its channel's abandoned
 * budget charged) and its late answer only logged. Whatever a publish thread meets, the engine hears of the call
 * exactly once.
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

    /** Runs the calls of started (registered) jobs; a task the executor refuses fails retryably: nothing was sent. */
    void launch(List<PublishJob> started) {
        for (PublishJob job : started) {
            try {
                executor.execute(() -> run(job));
            } catch (RejectedExecutionException e) {
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

    /** A publish thread: whatever happens, the engine hears of the call exactly once. */
    private void run(PublishJob job) {
        EngineObserver.PublishScope scope = observer.publishing(job);
        JobResult result;
        try {
            result = ops.publish(job);
        } catch (VirtualMachineError e) {
            JobResult failed = engineError(job);
            scope.close(failed);
            finish(failed);
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.error(
                    "publishing schedule {} failed unexpectedly", job.schedule().id(), e);
            result = null;
        }
        JobResult done = result != null ? result : engineError(job);
        scope.close(done);
        finish(done);
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
    void finish(JobResult result) {
        lock.lock();
        try {
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
            waiter.signal();
        } finally {
            lock.unlock();
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
