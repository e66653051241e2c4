package io.luxaris.jdbc;

/** The approval storage contract on MariaDB. */
class MariaDbApprovalStorageContractTest extends JdbcApprovalStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
