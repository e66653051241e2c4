package io.luxaris.spi.engine;

/** Creates the engine of a {@code Luxaris} instance. */
@FunctionalInterface
public interface SchedulerEngineFactory {
    SchedulerEngine create(EngineContext context);
}
