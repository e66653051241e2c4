package io.luxaris.memory;

import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.TransactionWork;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** One opened view of a {@link MemoryDatabase}. */
final class MemoryStorage implements Storage {
    private final MemoryDatabase database;
    private final Clock clock;

    MemoryStorage(MemoryDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public <T extends @Nullable Object> T inTransaction(TransactionWork<T> work) {
        return database.write(clock, work);
    }

    @Override
    public <T extends @Nullable Object> T readOnly(TransactionWork<T> work) {
        return database.read(clock, work);
    }

    @Override
    public boolean isDurable() {
        return false;
    }

    @Override
    public String description() {
        return "in-memory";
    }

    @Override
    public void close() {}
}
