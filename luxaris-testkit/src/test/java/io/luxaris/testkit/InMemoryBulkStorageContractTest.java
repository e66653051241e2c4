package io.luxaris.testkit;

import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.storage.StorageProvider;

/** The in-memory storage keeps the bulk and idempotency storage contract. */
class InMemoryBulkStorageContractTest extends BulkStorageContract {
    @Override
    protected StorageProvider provider() {
        return InMemoryStorage.create();
    }
}
