package io.luxaris.jdbc.internal;

import io.luxaris.errors.ConflictException;
import io.luxaris.errors.LuxarisException;
import io.luxaris.errors.StorageException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/** Translates {@link SQLException}s into Luxaris exceptions with safe messages. */
public final class SqlErrors {
    /** MariaDB/MySQL vendor codes: lock wait timeout, deadlock, server gone, lost connection, killed. */
    private static final Set<Integer> MYSQL_TRANSIENT = Set.of(1205, 1213, 2006, 2013, 1927, 1053, 1317);

    private static final Set<Integer> MYSQL_DUPLICATE = Set.of(1062, 1586);
    private static final Set<Integer> MYSQL_FOREIGN_KEY = Set.of(1451, 1452, 1216, 1217);

    private SqlErrors() {}

    /**
     * Whether retrying later may succeed: connection failures (SQLState class 08), serialization failures and
     * deadlocks (40001, 40P01), server shutdown or cancel (57P01..57P03, 57014), lock timeouts (55P03, HYT00,
     * MariaDB 1205), and the drivers' transient and recoverable exception types.
     */
    public static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState().toUpperCase(Locale.ROOT);
                if (state.startsWith("08")
                        || state.equals("40001")
                        || state.equals("40P01")
                        || state.startsWith("57P0")
                        || state.equals("57014")
                        || state.equals("55P03")
                        || state.equals("HYT00")
                        || state.equals("HYT01")
                        || MYSQL_TRANSIENT.contains(s.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A unique or primary key violation. */
    public static boolean isDuplicate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("23505") || (state.equals("23000") && MYSQL_DUPLICATE.contains(e.getErrorCode()));
    }

    /** A foreign key violation (missing parent or existing children). */
    public static boolean isForeignKey(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("23503")
                || state.equals("23506")
                || (state.equals("23000") && MYSQL_FOREIGN_KEY.contains(e.getErrorCode()));
    }

    /** The first {@link SQLException} in the cause chain, if any. */
    public static @Nullable SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** Translates a failure of {@code action} (such as "insert post 0190..."). */
    public static LuxarisException translate(String action, Throwable e) {
        if (e instanceof LuxarisException l) {
            return l;
        }
        SQLException sql = sqlCause(e);
        if (sql == null) {
            return new StorageException(action + " failed: " + safe(e.getMessage()), e, false);
        }
        if (isDuplicate(sql)) {
            return new ConflictException(action + " failed: a row with the same key already exists");
        }
        if (isForeignKey(sql)) {
            return new ConflictException(action + " failed: it refers to a row that does not exist, "
                    + "or rows that still exist refer to it");
        }
        return new StorageException(
                action + " failed (SQLState " + sql.getSQLState() + "): " + safe(sql.getMessage()),
                e,
                isTransient(sql));
    }

    /**
     * A driver's {@link AssertionError} as a transient failure. pgjdbc reports a connection that broke during a
     * batch as {@code AssertionError("...getAutoCommit() should not throw")}; left alone, that Error would escape
     * every {@code catch (RuntimeException)} up the stack (and end the engine's thread). Assertion errors that do
     * not come from a JDBC driver are returned unchanged.
     */
    public static Throwable driverAssertion(String action, AssertionError e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("io.luxaris.")) {
                break;
            }
            if (type.startsWith("org.postgresql.") || type.startsWith("org.mariadb.") || type.startsWith("org.h2.")) {
                return new StorageException(
                        action + " failed: the database connection broke during the statement (" + e.getMessage() + ")",
                        e,
                        true);
            }
        }
        return e;
    }

    /** Translates a Jdbi failure. */
    public static LuxarisException translate(String action, JdbiException e) {
        return translate(action, (Throwable) e);
    }

    private static String safe(@Nullable String message) {
        if (message == null) {
            return "(no message)";
        }
        String oneLine = Urls.redact(message).replace('\n', ' ');
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
