package io.luxaris.testkit;

import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.storage.StorageProvider;

/** The in-memory storage keeps the storage contract. */
class InMemoryStorageContractTest extends StorageContract {
    @Override
    protected StorageProvider provider() {
        return InMemoryStorage.create();
    }
}
