package io.luxaris.jdbc;

import io.luxaris.spi.storage.StorageProvider;

/** The database of one storage contract class and the JdbcStorage on it; each {@link #emptied()} clears the rows. */
final class ContractDatabase implements AutoCloseable {
    private final TestDatabase.Kind kind;
    private final TestDatabase database;
    private final JdbcStorage jdbc;

    ContractDatabase(TestDatabase.Kind kind) {
        this.kind = kind;
        this.database = TestDatabase.orNull(kind);
        this.jdbc = database == null ? null : database.storage().build();
    }

    /** The storage with empty tables; skips (or fails, when databases are required) without the database. */
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
