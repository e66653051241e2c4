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

    /** Starts background publishing (idempotent). */
    public void start() {
        engine.start();
    }

    /**
     * Stops background publishing: nothing new is claimed, in-flight publishes get {@code grace} to finish and
     * their outcomes are written, claimed work that did not start is released.
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw io.luxaris.ValidationException.of("grace", "range", "must not be negative but was " + grace);
        }
        engine.stop(grace);
    }

    /** Publishes everything due now, in the calling thread, and reports what happened. */
    public RunReport runDue() {
        return engine.runDue();
    }

    public EngineStatus status() {
        return engine.status();
    }
}
