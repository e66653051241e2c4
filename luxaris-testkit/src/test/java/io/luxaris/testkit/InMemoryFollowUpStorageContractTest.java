package io.luxaris.testkit;

import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.storage.StorageProvider;

/** The in-memory storage keeps the follow-up storage contract. */
class InMemoryFollowUpStorageContractTest extends FollowUpStorageContract {
    @Override
    protected StorageProvider provider() {
        return InMemoryStorage.create();
    }
}
