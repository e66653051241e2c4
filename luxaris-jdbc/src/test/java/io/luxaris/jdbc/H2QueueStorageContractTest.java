package io.luxaris.jdbc;

/** The queue storage contract on H2. */
class H2QueueStorageContractTest extends JdbcQueueStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
