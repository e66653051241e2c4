package io.luxaris.spi.storage;

/** Work done inside one transaction. */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Transaction tx);
}
