package io.luxaris.jdbc;

/** The bulk and idempotency storage contract on MariaDb. */
class MariaDbBulkStorageContractTest extends JdbcBulkStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
