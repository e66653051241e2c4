package io.luxaris.jdbc;

/** The approval storage contract on PostgreSQL. */
class PostgresApprovalStorageContractTest extends JdbcApprovalStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
