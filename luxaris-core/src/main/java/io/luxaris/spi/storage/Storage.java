package io.luxaris.spi.storage;

import org.jspecify.annotations.Nullable;

/**
 * A transactional store for every entity of the Posts context plus the engine's schedule queue.
 *
 * <p>Contract (checked by the testkit's {@code StorageContract}):
 *
 * <ul>
 *   <li>{@link #inTransaction} runs the work atomically: if it throws, nothing it wrote is visible, ever.
 *   <li>Every {@code update} of a versioned entity succeeds only if the stored version equals the given one; it
 *       stores version + 1 and returns the stored record; otherwise it throws {@code ConflictException} and
 *       changes nothing.
 *   <li>Queue operations are fenced (attempt and lease owner) so a late writer changes nothing.
 *   <li>Failures of the store itself are {@code StorageException}s with safe messages.
 * </ul>
 */
public interface Storage extends AutoCloseable {
    /**
     * Runs {@code work} in a read-write transaction and commits it; rolls back if the work throws.
     *
     * @param work the work
     * @param <T> what the work returns
     * @return what the work returned
     * @throws io.luxaris.errors.StorageException when the store fails (the work's own exceptions pass through unchanged)
     */
    <T extends @Nullable Object> T inTransaction(TransactionWork<T> work);

    /**
     * Runs {@code work} in a read-only transaction.
     *
     * @param work the work
     * @param <T> what the work returns
     * @return what the work returned
     * @throws io.luxaris.errors.StorageException when the store fails (the work's own exceptions pass through unchanged)
     */
    <T extends @Nullable Object> T readOnly(TransactionWork<T> work);

    /**
     * True when data survives a restart (databases); Luxaris then refuses an ephemeral secret cipher.
     *
     * @return whether the data is durable
     */
    boolean isDurable();

    /**
     * A short description for logs, without credentials ("in-memory", "PostgreSQL 15.19 at localhost:5432/test").
     *
     * @return the description
     */
    String description();

    /** Closes the store (its connection pool, for instance). Luxaris calls it once, from {@code Luxaris.close()}. */
    @Override
    void close();
}
