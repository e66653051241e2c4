package io.luxaris.jdbc;

/** The follow-up storage contract on H2. */
class H2FollowUpStorageContractTest extends JdbcFollowUpStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
