package io.luxaris.jdbc;

import io.luxaris.spi.storage.StorageProvider;

/**
 * The store of a storage contract class on one SQL database: created once per class, emptied before every test,
 * dropped after the class.
 */
final class ContractStore implements AutoCloseable {
    private final TestDatabase.Kind kind;
    private final TestDatabase database;
    private final JdbcStorage jdbc;

    ContractStore(TestDatabase.Kind kind) {
        this.kind = kind;
        this.database = TestDatabase.orNull(kind);
        this.jdbc = database == null ? null : database.storage().build();
    }

    /** The storage with every table emptied; skips (or fails, when databases are required) without a database. */
    StorageProvider emptied() {
        TestDatabase.assumeAvailable(database, kind);
        database.deleteAllRows();
        return jdbc;
    }

    @Override
    public void close() {
        if (jdbc != null) {
            jdbc.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
