package io.luxaris.spi.storage;

/**
 * Opens the storage a {@code Luxaris} instance works on. The in-memory storage is the default; the JDBC module
 * provides PostgreSQL, MariaDB/MySQL and H2.
 */
@FunctionalInterface
public interface StorageProvider {
    /**
     * Opens the storage.
     *
     * @param context what Luxaris gives the storage
     * @return the open storage, closed by Luxaris
     * @throws io.luxaris.errors.StorageException when the store cannot be opened
     */
    Storage open(StorageContext context);
}
