package io.luxaris.spi.engine;

import java.time.Clock;

/** What an engine gets: the publishing operations, its settings, the clock and its instance id (lease owner). */
public interface EngineContext {
    /** {@return the steps of publishing the engine is built from} */
    PublishingOperations operations();

    /** {@return the engine's settings} */
    EngineSettings settings();

    /** {@return the instance's clock} */
    Clock clock();

    /**
     * Unique per engine start; used as lease owner.
     *
     * @return the instance id
     */
    String instanceId();

    /**
     * Sees what the engine does (metrics, tracing); default: nothing.
     *
     * @return the observer
     */
    default EngineObserver observer() {
        return EngineObserver.NONE;
    }
}
