/**
 * The engine SPI: a {@link io.luxaris.spi.engine.SchedulerEngine} decides when to look for due work and runs it
 * with the {@link io.luxaris.spi.engine.PublishingOperations} core provides; {@link
 * io.luxaris.spi.engine.EngineSettings} tunes the default engine and an {@link io.luxaris.spi.engine.EngineObserver}
 * sees what it does.
 */
@NullMarked
package io.luxaris.spi.engine;

import org.jspecify.annotations.NullMarked;
