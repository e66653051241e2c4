package io.luxaris.jdbc;

/** The approval storage contract on H2. */
class H2ApprovalStorageContractTest extends JdbcApprovalStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
