package io.luxaris.examples.multinode;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema {@code luxaris_t_<random>} for one test class, dropped by {@link #close()} (the
 * approach of luxaris-jdbc's TestDatabase, which test code of another module cannot use). An unreachable server
 * skips the test with a loud {@code LUXARIS DATABASE MISSING} line, unless {@code luxaris.requireDatabases} (system
 * property) or {@code LUXARIS_REQUIRE_DATABASES} (environment) is {@code true}: then it fails. Server and user come
 * from {@code LUXARIS_PG_URL}, {@code LUXARIS_PG_USER}, {@code LUXARIS_PG_PASSWORD}.
 */
final class PostgresSchema implements AutoCloseable {
    final String url = env("LUXARIS_PG_URL", MultiNodeDemo.DEFAULT_URL);
    final String user = env("LUXARIS_PG_USER", "postgres");
    final String password = env("LUXARIS_PG_PASSWORD", "");
    final String name =
            "luxaris_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private PostgresSchema() {}

    static boolean required() {
        return Boolean.getBoolean("luxaris.requireDatabases")
                || "true".equalsIgnoreCase(System.getenv("LUXARIS_REQUIRE_DATABASES"));
    }

    /** Creates the schema; skips (or, when databases are required, fails) the calling test without a server. */
    static PostgresSchema create() {
        var schema = new PostgresSchema();
        try {
            schema.execute("CREATE SCHEMA " + schema.name);
        } catch (SQLException e) {
            String message = "LUXARIS DATABASE MISSING: PostgreSQL at " + schema.url + " is not reachable ("
                    + e.getMessage() + "). See DEVELOPERS.md to start it.";
            if (required()) {
                fail(message + " (luxaris.requireDatabases is set, so this is a failure)", e);
            }
            System.err.println("*** " + message + " Skipping; set luxaris.requireDatabases=true to fail instead.");
            Assumptions.abort(message);
        }
        return schema;
    }

    /** A number from a one-row, one-column query in this schema. */
    long number(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A plain JDBC connection to the server (not bound to this schema). */
    Connection connect() throws SQLException {
        String withTimeout = url + (url.contains("?") ? "&" : "?") + "connectTimeout=3";
        return DriverManager.getConnection(withTimeout, user, password);
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        try {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + name + ": " + e.getMessage());
        }
    }
}
