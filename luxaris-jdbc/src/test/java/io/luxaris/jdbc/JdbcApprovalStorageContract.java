package io.luxaris.jdbc;

import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.testkit.ApprovalStorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The testkit's approval storage contract on one SQL database (migrated to V5); each test starts empty. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcApprovalStorageContract extends ApprovalStorageContract {
    private ContractDatabase database;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void createDatabase() {
        database = new ContractDatabase(kind());
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Override
    protected StorageProvider provider() {
        return database.emptied();
    }
}
