package io.luxaris.jdbc;

/** The storage contract on MariaDB. */
class MariaDbStorageContractTest extends JdbcStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
