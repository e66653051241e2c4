package io.luxaris.jdbc;

import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.testkit.RecurrenceStorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The testkit's recurrence storage contract on one SQL database; each test starts with empty tables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcRecurrenceStorageContract extends RecurrenceStorageContract {
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
