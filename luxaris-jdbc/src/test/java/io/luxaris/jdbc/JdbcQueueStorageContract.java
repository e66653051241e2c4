package io.luxaris.jdbc;

import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.testkit.QueueStorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The testkit's queue storage contract on one SQL database; each test starts with empty tables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcQueueStorageContract extends QueueStorageContract {
    private ContractDatabase store;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void createDatabase() {
        store = new ContractDatabase(kind());
    }

    @AfterAll
    void dropDatabase() {
        store.close();
    }

    @Override
    protected StorageProvider provider() {
        return store.emptied();
    }
}
