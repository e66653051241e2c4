package io.luxaris.spi.storage;

import org.jspecify.annotations.Nullable;

/**
 * Work done inside one transaction.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T extends @Nullable Object> {
    /**
     * Does the work.
     *
     * @param tx the repositories of the transaction, valid only during this call
     * @return the work's result
     */
    T run(Transaction tx);
}
