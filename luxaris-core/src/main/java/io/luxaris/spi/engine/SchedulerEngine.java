package io.luxaris.spi.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when to look for due work and how to run it. The default engine wakes at the next due instant, claims
 * free capacity (its background loop up to one claim batch more, waiting in memory with their leases kept) and
 * publishes on an executor; alternative engines (driven by a host's own scheduler, say)
 * implement this interface on top of {@link PublishingOperations}.
 */
public interface SchedulerEngine extends AutoCloseable {
    /**
     * Starts background publishing; idempotent.
     *
     * @throws IllegalStateException when the engine cannot start now (the default engine: while {@link #runDue()} runs)
     */
    void start();

    /**
     * Stops: claims nothing more, lets in-flight publishes finish within {@code grace}, releases claimed work that did
     * not start, and waits for outcomes to be written. Work still running after the grace keeps its lease until the
     * process ends; the reaper of another instance makes it unconfirmed, never lost.
     *
     * @param grace how long in-flight publishes may take to finish
     */
    void stop(Duration grace);

    /**
     * Publishes everything due now in the calling thread's time and returns what happened.
     *
     * @return the counts of this call
     * @throws IllegalStateException when the engine cannot run now (the default engine: while it runs in the background
     *     or another {@code runDue()} does)
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    RunReport runDue();

    /**
     * A snapshot of in-flight work and the next due time.
     *
     * @return the snapshot
     */
    EngineStatus status();

    /**
     * A schedule due at {@code due} was created or moved: wake earlier if needed.
     *
     * @param due when the schedule is due
     */
    default void wakeUp(Instant due) {}

    /** Stops with a grace of 5 seconds. */
    @Override
    default void close() {
        stop(Duration.ofSeconds(5));
    }
}
