package io.luxaris.jdbc;

/** The storage contract on Postgres. */
class PostgresStorageContractTest extends JdbcStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
