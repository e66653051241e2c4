/**
 * The storage SPI: a transactional {@link io.luxaris.spi.storage.Storage} of every entity (repositories per
 * entity, versioned updates that throw {@code ConflictException} when the row moved on) plus the engine's fenced
 * {@link io.luxaris.spi.storage.ScheduleQueue}. Implementations are checked by the testkit's storage contract.
 */
@NullMarked
package io.luxaris.spi.storage;

import org.jspecify.annotations.NullMarked;
