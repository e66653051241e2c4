package io.luxaris.jdbc;

import io.luxaris.spi.storage.StorageProvider;

/** The database of one contract test class: created before its tests, dropped after; each test gets empty tables. */
final class ContractDatabase implements AutoCloseable {
    private final TestDatabase.Kind kind;
    private final TestDatabase database;
    private final JdbcStorage jdbc;

    ContractDatabase(TestDatabase.Kind kind) {
        this.kind = kind;
        this.database = TestDatabase.orNull(kind);
        this.jdbc = database == null ? null : database.storage().build();
    }

    /** The storage with every table emptied; skips (or fails, when databases are required) without the database. */
    StorageProvider emptyStore() {
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
