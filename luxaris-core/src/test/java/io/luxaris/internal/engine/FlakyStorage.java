package io.luxaris.internal.engine;

import io.luxaris.errors.StorageException;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.TransactionWork;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory storage with a connection that dies at the wrong moment: armed, the next transaction commits and
 * then throws a transient {@link StorageException}, as when the connection drops while the commit's answer is on
 * its way (the caller cannot know the write happened).
 */
final class FlakyStorage implements Storage {
    private final Storage delegate;
    private volatile boolean failAfterCommit;
    private volatile boolean failBeforeCommit;
    private final AtomicInteger transactions = new AtomicInteger();

    FlakyStorage(Storage delegate) {
        this.delegate = delegate;
    }

    /** The next read-write transaction commits, then throws. */
    void failAfterNextCommit() {
        failAfterCommit = true;
    }

    /** The next read-write transaction throws before its work runs (nothing is written). */
    void failNextTransaction() {
        failBeforeCommit = true;
    }

    /** How many read-write transactions were asked for. */
    int transactions() {
        return transactions.get();
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        transactions.incrementAndGet();
        if (failBeforeCommit) {
            failBeforeCommit = false;
            throw new StorageException("connection refused (test)", null, true);
        }
        T result = delegate.inTransaction(work);
        if (failAfterCommit) {
            failAfterCommit = false;
            throw new StorageException("connection reset during commit (test)", null, true);
        }
        return result;
    }

    @Override
    public <T> T readOnly(TransactionWork<T> work) {
        return delegate.readOnly(work);
    }

    @Override
    public boolean isDurable() {
        return false;
    }

    @Override
    public String description() {
        return "flaky " + delegate.description();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
