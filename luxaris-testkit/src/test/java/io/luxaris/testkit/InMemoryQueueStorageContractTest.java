package io.luxaris.testkit;

import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.storage.StorageProvider;

/** The in-memory storage keeps the queue storage contract. */
class InMemoryQueueStorageContractTest extends QueueStorageContract {
    @Override
    protected StorageProvider provider() {
        return InMemoryStorage.create();
    }
}
