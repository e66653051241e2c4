package io.luxaris.memory;

import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;

/**
 * The embedded default storage: everything in this process's memory, transactional (a failed use case leaves no
 * partial write: an undo log rolls it back), safe under concurrent use (one writer at a time, readers in
 * parallel), and implementing the whole storage SPI including the fenced schedule queue. Data is lost when the
 * process ends.
 *
 * <p>Every {@link #open} of one {@code InMemoryStorage} sees the same data, so several {@code Luxaris} instances
 * built on it behave like several nodes sharing a database (useful in tests).
 */
public final class InMemoryStorage implements StorageProvider {
    private final MemoryDatabase database = new MemoryDatabase();

    private InMemoryStorage() {}

    /**
     * A new, empty in-memory database.
     *
     * @return the provider; each {@link #open} of it sees the same data
     */
    public static InMemoryStorage create() {
        return new InMemoryStorage();
    }

    @Override
    public Storage open(StorageContext context) {
        return new MemoryStorage(database, context.clock());
    }
}
