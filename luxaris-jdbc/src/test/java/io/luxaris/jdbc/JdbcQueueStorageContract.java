package io.luxaris.jdbc;

import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.testkit.QueueStorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The testkit's queue storage contract on one SQL database; each test starts with empty tables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcQueueStorageContract extends QueueStorageContract {
    private TestDatabase database;
    private JdbcStorage jdbc;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.orNull(kind());
        if (database != null) {
            jdbc = database.storage().build();
        }
    }

    @AfterAll
    void dropDatabase() {
        if (jdbc != null) {
            jdbc.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected StorageProvider provider() {
        TestDatabase.assumeAvailable(database, kind());
        database.deleteAllRows();
        return jdbc;
    }
}
