package io.luxaris.usecase;

import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.storage.Backlog;
import java.time.Duration;

/**
 * Control of the publishing engine: start it in the background, stop it with a grace period, or drive it from
 * the host's own scheduler with {@link #runDue()}.
 */
public interface Publishing {
    /**
     * Starts background publishing (idempotent).
     *
     * @throws IllegalStateException when {@link #runDue()} is running (with the default engine)
     */
    void start();

    /**
     * Stops background publishing: nothing new is claimed, in-flight publishes get {@code grace} to finish and their
     * outcomes are written, claimed work that did not start is released. Does nothing when the engine is not running.
     *
     * @param grace how long in-flight publishes may take to finish
     * @throws io.luxaris.errors.ValidationException when {@code grace} is negative (rule {@code range})
     */
    void stop(Duration grace);

    /**
     * Publishes everything due now, in the calling thread, and reports what happened.
     *
     * @return the counts of this call: published, failed, retried, unconfirmed, skipped, reaped and dry runs
     * @throws IllegalStateException when the background engine runs ({@link #start()}) or another {@code runDue()} does
     *     (with the default engine)
     * @throws io.luxaris.errors.StorageException when the storage fails; outcomes not yet written are kept for the next call
     */
    RunReport runDue();

    /** {@return a snapshot of the engine: whether it runs, in-flight work and the next due time} */
    EngineStatus status();

    /**
     * The work waiting on the registered channels, from storage: schedules due now (count and oldest) and
     * unconfirmed ones. One cheap read-only query; meant for metrics and health checks, not for every request.
     *
     * @return the due count, the oldest due instant and the unconfirmed count, as of the store's now
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    Backlog backlog();
}
