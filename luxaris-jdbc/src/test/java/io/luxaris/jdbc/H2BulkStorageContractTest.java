package io.luxaris.jdbc;

/** The bulk and idempotency storage contract on H2. */
class H2BulkStorageContractTest extends JdbcBulkStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
