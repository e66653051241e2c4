package io.luxaris.jdbc.internal;

import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.TransactionWork;

/** The {@link Storage} one {@code Luxaris} instance works on; closing it leaves the pool to its owner. */
final class JdbcStore implements Storage {
    private final Database database;
    private final boolean durable;
    private volatile boolean closed;

    JdbcStore(Database database, boolean durable) {
        this.database = database;
        this.durable = durable;
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        check();
        return database.transaction(work, false);
    }

    @Override
    public <T> T readOnly(TransactionWork<T> work) {
        check();
        return database.transaction(work, true);
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("this storage was closed");
        }
    }

    @Override
    public boolean isDurable() {
        return durable;
    }

    @Override
    public String description() {
        return database.description();
    }

    @Override
    public void close() {
        closed = true;
    }
}
