package io.luxaris.jdbc;

/** The recurrence storage contract on H2. */
class H2RecurrenceStorageContractTest extends JdbcRecurrenceStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
