package io.luxaris.spi.engine;

import java.time.Clock;

/** What an engine gets: the publishing operations, its settings, the clock and its instance id (lease owner). */
public interface EngineContext {
    PublishingOperations operations();

    EngineSettings settings();

    Clock clock();

    /** Unique per engine start; used as lease owner. */
    String instanceId();

    /** Sees what the engine does (metrics, tracing); default: nothing. */
    default EngineObserver observer() {
        return EngineObserver.NONE;
    }
}
