package io.luxaris.testkit;

import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.storage.StorageProvider;

/** The in-memory storage keeps the approval storage contract. */
class InMemoryApprovalStorageContractTest extends ApprovalStorageContract {
    @Override
    protected StorageProvider provider() {
        return InMemoryStorage.create();
    }
}
