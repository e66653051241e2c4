package io.luxaris.jdbc;

/** The recurrence storage contract on Postgres. */
class PostgresRecurrenceStorageContractTest extends JdbcRecurrenceStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
