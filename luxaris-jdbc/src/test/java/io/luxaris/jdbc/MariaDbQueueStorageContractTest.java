package io.luxaris.jdbc;

/** The queue storage contract on MariaDB. */
class MariaDbQueueStorageContractTest extends JdbcQueueStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
