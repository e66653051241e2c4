package io.luxaris.jdbc;

/** The bulk and idempotency storage contract on Postgres. */
class PostgresBulkStorageContractTest extends JdbcBulkStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
