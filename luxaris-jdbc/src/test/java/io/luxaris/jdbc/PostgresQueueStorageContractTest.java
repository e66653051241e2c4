package io.luxaris.jdbc;

/** The queue storage contract on PostgreSQL. */
class PostgresQueueStorageContractTest extends JdbcQueueStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
