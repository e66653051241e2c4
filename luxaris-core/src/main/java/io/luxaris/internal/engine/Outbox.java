package io.luxaris.internal.engine;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.storage.Fence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine gives back to the store: claims it will not run (released to pending, before outcomes are
 * written so a rate limit's deferral moves them) and the outcomes of calls ({@link Completions}). Thread-safe.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final PublishingOperations ops;
    private final Completions completions;

    @GuardedBy("this")
    private final List<PublishJob> handBack = new ArrayList<>();

    private final EngineObserver observer;

    /** @param written told of outcomes written or given up for good (their calls' slots can be freed) */
    Outbox(PublishingOperations ops, int batchSize, EngineObserver observer, Consumer<List<JobResult>> written) {
        this.ops = ops;
        this.observer = observer;
        this.completions = new Completions(batchSize, written);
    }

    /** Claims to give back (pending again) at the next flush. */
    synchronized void handBack(Collection<PublishJob> jobs) {
        handBack.addAll(jobs);
    }

    void add(JobResult result) {
        completions.add(result);
    }

    /** Whether something waits to be released or written. */
    synchronized boolean isEmpty() {
        return handBack.isEmpty() && completions.size() == 0;
    }

    int pendingOutcomes() {
        return completions.size();
    }

    /** The claims of the outcomes not yet written. */
    List<Fence> fences() {
        return completions.fences();
    }

    /** Releases the handed-back claims, then writes the buffered outcomes; never throws for a store failure. */
    Completions.Flushed flush() {
        List<PublishJob> jobs;
        synchronized (this) {
            jobs = List.copyOf(handBack);
            handBack.clear();
        }
        release(jobs);
        return completions.flush(batch -> {
            RunReport report = ops.complete(batch);
            observer.outcomesWritten(batch.size());
            return report;
        });
    }

    /** The store answered another request: outcomes that failed when nothing could be written take a strike. */
    void storeAnswered() {
        completions.storeAnswered();
    }

    /** {@link #flush()}, throwing the store's failure when nothing could be written. */
    RunReport flushOrThrow() {
        Completions.Flushed flushed = flush();
        if (flushed.storeDown().isPresent()) {
            throw flushed.storeDown().get();
        }
        return flushed.report();
    }

    /** Writes what is buffered, retrying while the store is down for at most {@code max}; then drops the rest. */
    void flushBeforeStop(Duration max, Ticker ticker, Consumer<Duration> pause) {
        long deadline = ticker.nanoTime() + max.toNanos();
        var backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
        while (flush().storeDown().isPresent()) {
            if (ticker.nanoTime() > deadline) {
                LOG.error(
                        "Luxaris engine {}: could not record {} outcome(s); their leases will expire and they will be"
                                + " marked unconfirmed",
                        ops.instanceId(),
                        completions.clear());
                return;
            }
            pause.accept(backoff.next());
        }
    }

    /** Gives claims back now; when the store fails, their leases expire and the reaper returns them. */
    void release(List<PublishJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        try {
            ops.release(jobs);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Luxaris engine {}: could not release {} claimed schedule(s); they return to pending when their"
                            + " lease expires",
                    ops.instanceId(),
                    jobs.size(),
                    e);
        }
    }
}
