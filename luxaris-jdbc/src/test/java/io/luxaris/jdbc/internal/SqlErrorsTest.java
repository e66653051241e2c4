package io.luxaris.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.errors.ConflictException;
import io.luxaris.errors.StorageException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    private static SQLException state(String state) {
        return new SQLException("x", state);
    }

    private static SQLException vendor(String state, int code) {
        return new SQLException("x", state, code);
    }

    @Test
    void connectionFailuresDeadlocksSerializationFailuresShutdownsAndLockTimeouts_areTransient() {
        for (String s :
                new String[] {"08001", "08006", "08003", "40001", "40P01", "57P01", "57P02", "57P03", "55P03", "HYT00"
                }) {
            assertThat(SqlErrors.isTransient(state(s))).as(s).isTrue();
        }
        assertThat(SqlErrors.isTransient(vendor("HY000", 1205)))
                .as("MariaDB lock wait timeout")
                .isTrue();
        assertThat(SqlErrors.isTransient(vendor("40001", 1213)))
                .as("MariaDB deadlock")
                .isTrue();
        assertThat(SqlErrors.isTransient(new SQLTransientConnectionException("pool timeout")))
                .isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("wrapped", "XX000", new SQLException("cause", "08006"))))
                .isTrue();
    }

    @Test
    void syntaxErrorsAndConstraintViolations_areNotTransient() {
        for (String s : new String[] {"42601", "42P01", "23505", "23503", "22001", "XX000"}) {
            assertThat(SqlErrors.isTransient(state(s))).as(s).isFalse();
        }
    }

    @Test
    void duplicateKeysAndForeignKeyViolations_areConflicts_otherFailuresStorageExceptions() {
        assertThat(SqlErrors.translate("insert post 1", state("23505"))).isInstanceOf(ConflictException.class);
        assertThat(SqlErrors.translate("insert post 1", vendor("23000", 1062))).isInstanceOf(ConflictException.class);
        assertThat(SqlErrors.translate("insert variant 1", state("23503"))).isInstanceOf(ConflictException.class);
        assertThat(SqlErrors.translate("insert variant 1", state("23506"))).isInstanceOf(ConflictException.class);
        assertThat(SqlErrors.translate("insert variant 1", vendor("23000", 1452)))
                .isInstanceOf(ConflictException.class);
        assertThat(SqlErrors.translate("claim", state("40P01"))).isInstanceOfSatisfying(StorageException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).startsWith("claim failed (SQLState 40P01)");
        });
        assertThat(SqlErrors.translate("claim", state("42601")))
                .isInstanceOfSatisfying(
                        StorageException.class, e -> assertThat(e.isTransient()).isFalse());
    }

    @Test
    void anAssertionErrorFromTheDriver_isATransientStorageException_othersStayErrors() {
        var fromDriver = new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
        fromDriver.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.postgresql.jdbc.BatchResultHandler", "isAutoCommit", null, 115),
            new StackTraceElement("io.luxaris.jdbc.internal.EventRepo", "insertAll", null, 69)
        });
        assertThat(SqlErrors.driverAssertion("insert events", fromDriver))
                .isInstanceOfSatisfying(
                        StorageException.class, e -> assertThat(e.isTransient()).isTrue());

        var ours = new AssertionError("a bug of ours");
        ours.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("io.luxaris.jdbc.internal.EventRepo", "insertAll", null, 69),
            new StackTraceElement("org.postgresql.jdbc.PgStatement", "executeBatch", null, 1)
        });
        assertThat(SqlErrors.driverAssertion("insert events", ours)).isSameAs(ours);
    }
}
