package io.luxaris.usecase;

import io.luxaris.domain.ChannelId;
import io.luxaris.internal.Runtime;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.engine.SchedulerEngine;
import io.luxaris.spi.storage.Backlog;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Control of the publishing engine: start it in the background, stop it with a grace period, or drive it from
 * the host's own scheduler with {@link #runDue()}.
 */
public final class Publishing {
    private final SchedulerEngine engine;
    private final Runtime rt;

    Publishing(SchedulerEngine engine, Runtime rt) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.rt = Objects.requireNonNull(rt, "rt");
    }

    /**
     * Starts background publishing (idempotent).
     *
     * @throws IllegalStateException when {@link #runDue()} is running (with the default engine)
     */
    public void start() {
        engine.start();
    }

    /**
     * Stops background publishing: nothing new is claimed, in-flight publishes get {@code grace} to finish and their
     * outcomes are written, claimed work that did not start is released. Does nothing when the engine is not running.
     *
     * @param grace how long in-flight publishes may take to finish
     * @throws io.luxaris.errors.ValidationException when {@code grace} is negative (rule {@code range})
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw io.luxaris.errors.ValidationException.of("grace", "range", "must not be negative but was " + grace);
        }
        engine.stop(grace);
    }

    /**
     * Publishes everything due now, in the calling thread, and reports what happened.
     *
     * @return the counts of this call: published, failed, retried, unconfirmed, skipped, reaped and dry runs
     * @throws IllegalStateException when the background engine runs ({@link #start()}) or another {@code runDue()} does
     *     (with the default engine)
     * @throws io.luxaris.errors.StorageException when the storage fails; outcomes not yet written are kept for the next call
     */
    public RunReport runDue() {
        return engine.runDue();
    }

    /** {@return a snapshot of the engine: whether it runs, in-flight work and the next due time} */
    public EngineStatus status() {
        return engine.status();
    }

    /**
     * The work waiting on the registered channels, from storage: schedules due now (count and oldest) and
     * unconfirmed ones. One cheap read-only query; meant for metrics and health checks, not for every request.
     *
     * @return the due count, the oldest due instant and the unconfirmed count, as of the store's now
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    public Backlog backlog() {
        Set<ChannelId> channels =
                rt.channels().stream().map(c -> c.channel().id()).collect(Collectors.toUnmodifiableSet());
        return rt.storage().readOnly(tx -> tx.queue().backlog(channels));
    }
}
