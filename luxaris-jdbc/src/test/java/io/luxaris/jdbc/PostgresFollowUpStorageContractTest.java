package io.luxaris.jdbc;

/** The follow-up storage contract on PostgreSQL. */
class PostgresFollowUpStorageContractTest extends JdbcFollowUpStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
