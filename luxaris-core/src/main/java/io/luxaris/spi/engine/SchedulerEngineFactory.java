package io.luxaris.spi.engine;

/** Creates the engine of a {@code Luxaris} instance. */
@FunctionalInterface
public interface SchedulerEngineFactory {
    /**
     * Creates the engine; it is started by {@code publishing().start()}, not here.
     *
     * @param context the operations, settings, clock, instance id and observer
     * @return the engine, closed with the {@code Luxaris} instance
     */
    SchedulerEngine create(EngineContext context);
}
