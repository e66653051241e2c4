package io.luxaris.testkit;

import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.storage.StorageProvider;

/** The in-memory storage keeps the recurrence storage contract. */
class InMemoryRecurrenceStorageContractTest extends RecurrenceStorageContract {
    @Override
    protected StorageProvider provider() {
        return InMemoryStorage.create();
    }
}
