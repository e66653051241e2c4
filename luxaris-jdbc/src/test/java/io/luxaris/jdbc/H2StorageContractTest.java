package io.luxaris.jdbc;

/** The storage contract on H2. */
class H2StorageContractTest extends JdbcStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
