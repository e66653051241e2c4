package io.luxaris.usecase;

import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.engine.SchedulerEngine;
import java.time.Duration;
import java.util.Objects;

/**
 * Control of the publishing engine: start it in the background, stop it with a grace period, or drive it from
 * the host's own scheduler with {@link #runDue()}.
 */
public final class Publishing {
    private final SchedulerEngine engine;

    Publishing(SchedulerEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
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
     * @throws io.luxaris.ValidationException when {@code grace} is negative (rule {@code range})
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw io.luxaris.ValidationException.of("grace", "range", "must not be negative but was " + grace);
        }
        engine.stop(grace);
    }

    /**
     * Publishes everything due now, in the calling thread, and reports what happened.
     *
     * @return the counts of this call: published, failed, retried, unconfirmed, skipped, reaped and dry runs
     * @throws IllegalStateException when the background engine runs ({@link #start()}) or another {@code runDue()} does
     *     (with the default engine)
     * @throws io.luxaris.StorageException when the storage fails; outcomes not yet written are kept for the next call
     */
    public RunReport runDue() {
        return engine.runDue();
    }

    /** {@return a snapshot of the engine: whether it runs, in-flight work and the next due time} */
    public EngineStatus status() {
        return engine.status();
    }
}
