package io.luxaris.jdbc;

/** The follow-up storage contract on MariaDB. */
class MariaDbFollowUpStorageContractTest extends JdbcFollowUpStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
