package io.luxaris.spi.storage;

/**
 * Opens the storage a {@code Luxaris} instance works on. The in-memory storage is the default; the JDBC module
 * provides PostgreSQL, MariaDB/MySQL and H2.
 */
@FunctionalInterface
public interface StorageProvider {
    Storage open(StorageContext context);
}
