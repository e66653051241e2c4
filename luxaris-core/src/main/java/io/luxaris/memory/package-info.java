/**
 * The built-in {@link io.luxaris.memory.InMemoryStorage}, the default storage.
 *
 * <p>Exported, with one public type: a host passes {@code InMemoryStorage.create()} to {@code
 * Luxaris.builder().storage(...)} (tests and demos do, and it is what an instance uses when no storage is configured).
 * Its repositories, transactions and tables are package-private: the storage is used only through the storage SPI
 * ({@link io.luxaris.spi.storage}).
 */
@NullMarked
package io.luxaris.memory;

import org.jspecify.annotations.NullMarked;
