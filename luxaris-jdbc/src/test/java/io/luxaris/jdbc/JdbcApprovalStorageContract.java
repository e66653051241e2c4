package io.luxaris.jdbc;

import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.testkit.ApprovalStorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The testkit's approval storage contract on one SQL database (migrated to V5); each test starts empty. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcApprovalStorageContract extends ApprovalStorageContract {
    private TestDatabase database;
    private JdbcStorage jdbc;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.orNull(kind());
        jdbc = database == null ? null : database.storage().build();
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
