package io.luxaris.jdbc;

/** The recurrence storage contract on MariaDb. */
class MariaDbRecurrenceStorageContractTest extends JdbcRecurrenceStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
