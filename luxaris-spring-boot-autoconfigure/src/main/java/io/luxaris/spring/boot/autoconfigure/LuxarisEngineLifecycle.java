package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.Luxaris;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the background publishing engine with the application context. Its phase is the last one ({@link
 * SmartLifecycle#DEFAULT_PHASE}, {@code Integer.MAX_VALUE}): the engine starts after everything else (the web
 * server included) and, since Spring stops phases in reverse, is drained first on shutdown, while the database
 * and the web server are still up. Draining runs in its own thread and gives in-flight publishes the shutdown
 * grace to finish (their outcomes are written, claimed work that did not start goes back); the grace is kept
 * below Boot's {@code spring.lifecycle.timeout-per-shutdown-phase} so the drain finishes inside the phase.
 */
public final class LuxarisEngineLifecycle implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(LuxarisEngineLifecycle.class);

    private final Luxaris luxaris;
    private final boolean autoStartup;
    private final Duration shutdownGrace;
    private volatile boolean running;

    public LuxarisEngineLifecycle(Luxaris luxaris, boolean autoStartup, Duration shutdownGrace) {
        this.luxaris = Objects.requireNonNull(luxaris, "luxaris");
        this.autoStartup = autoStartup;
        this.shutdownGrace = Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative but was " + shutdownGrace);
        }
    }

    /**
     * The grace to use: the configured one, else 5 s less than Boot's shutdown phase timeout (at least 1 s). Warns
     * when a configured grace does not fit in the phase (Spring then stops waiting before the drain is over).
     */
    static Duration grace(@Nullable Duration configured, Duration phaseTimeout) {
        if (configured != null) {
            if (configured.compareTo(phaseTimeout) >= 0) {
                LOG.warn(
                        "luxaris.engine.shutdown-grace ({}) is not shorter than spring.lifecycle"
                                + ".timeout-per-shutdown-phase ({}); shutdown may go on before the engine is drained",
                        configured,
                        phaseTimeout);
            }
            return configured;
        }
        Duration derived = phaseTimeout.minusSeconds(5);
        return derived.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : derived;
    }

    @Override
    public void start() {
        luxaris.publishing().start();
        running = true;
    }

    @Override
    public void stop() {
        drain();
    }

    @Override
    public void stop(Runnable callback) {
        Thread drainer = new Thread(
                () -> {
                    try {
                        drain();
                    } finally {
                        callback.run();
                    }
                },
                "luxaris-engine-drain");
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain() {
        try {
            LOG.info("draining the Luxaris engine (grace {})", shutdownGrace);
            luxaris.publishing().stop(shutdownGrace);
        } catch (RuntimeException e) {
            LOG.warn("stopping the Luxaris engine failed", e);
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** The last phase: started last, stopped first. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** The shutdown grace in use. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }
}
