package io.luxaris.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema {@code luxaris_t_<random>} in database {@code test} of 127.0.0.1:5432 (or {@code
 * LUXARIS_PG_URL}, {@code LUXARIS_PG_USER}, {@code LUXARIS_PG_PASSWORD}), dropped by {@link #close()}. When the
 * server cannot be reached the test is skipped with a loud {@code LUXARIS DATABASE MISSING} line, unless {@code
 * luxaris.requireDatabases} (system property) or {@code LUXARIS_REQUIRE_DATABASES} is {@code true}: then it fails.
 * The same rule as luxaris-jdbc's tests (see DEVELOPERS.md).
 */
public final class PostgresSchema implements AutoCloseable {
    public final String name;
    public final String url;
    public final String user;
    public final String password;

    private PostgresSchema(String name, String url, String user, String password) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static boolean required() {
        return Boolean.getBoolean("luxaris.requireDatabases")
                || "true".equalsIgnoreCase(System.getenv("LUXARIS_REQUIRE_DATABASES"));
    }

    /** Creates the schema, or skips (fails when required) the calling test. */
    public static PostgresSchema create() {
        String url = env("LUXARIS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("LUXARIS_PG_USER", "postgres");
        String password = env("LUXARIS_PG_PASSWORD", "");
        String name =
                "luxaris_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var schema = new PostgresSchema(name, url, user, password);
        schema.admin("CREATE SCHEMA " + name);
        return schema;
    }

    /** The JDBC URL with this schema as the connections' current one. */
    public String urlWithSchema() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Runs a query returning one number. */
    public long count(String sql) {
        try (Connection c = DriverManager.getConnection(urlWithSchema(), user, password);
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private void admin(String sql) {
        String withTimeout = url + (url.contains("?") ? "&" : "?") + "connectTimeout=3";
        try (Connection c = DriverManager.getConnection(withTimeout, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            String message = "LUXARIS DATABASE MISSING: postgresql at " + url + " is not reachable (" + e.getMessage()
                    + "). See DEVELOPERS.md to start it.";
            if (required()) {
                fail(message + " (luxaris.requireDatabases is set, so this is a failure)", e);
            }
            System.err.println("*** " + message + " Skipping; set luxaris.requireDatabases=true to fail instead.");
            Assumptions.abort(message);
        }
    }

    @Override
    public void close() {
        try {
            admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (RuntimeException e) {
            System.err.println("could not drop test schema " + name + ": " + e.getMessage());
        }
    }
}
