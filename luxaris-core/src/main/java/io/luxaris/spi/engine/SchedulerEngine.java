package io.luxaris.spi.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when to look for due work and how to run it. The default engine wakes at the next due instant, claims
 * only free capacity and publishes on an executor; alternative engines (driven by a host's own scheduler, say)
 * implement this interface on top of {@link PublishingOperations}.
 */
public interface SchedulerEngine extends AutoCloseable {
    /** Starts background publishing; idempotent. */
    void start();

    /**
     * Stops: claims nothing more, lets in-flight publishes finish within {@code grace}, releases claimed work
     * that did not start, and waits for outcomes to be written. Work still running after the grace keeps its
     * lease until the process ends; the reaper of another instance makes it unconfirmed, never lost.
     */
    void stop(Duration grace);

    /** Publishes everything due now in the calling thread's time and returns what happened. */
    RunReport runDue();

    /** A snapshot of in-flight work and the next due time. */
    EngineStatus status();

    /** A schedule due at {@code due} was created or moved: wake earlier if needed. */
    default void wakeUp(Instant due) {}

    @Override
    default void close() {
        stop(Duration.ofSeconds(5));
    }
}
