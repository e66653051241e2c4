package io.luxaris.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, private place to test in: a PostgreSQL schema {@code luxaris_t_<random>} (in database {@code test} of
 * 127.0.0.1:5432), a MariaDB database {@code luxaris_t_<random>} (127.0.0.1:3306), or an in-memory H2 database.
 * Dropped by {@link #close()}.
 *
 * <p>A server that cannot be reached skips the test with a loud message, unless {@code luxaris.requireDatabases}
 * (system property) or {@code LUXARIS_REQUIRE_DATABASES} (environment) is {@code true}: then it fails. URLs and
 * users can be changed with {@code LUXARIS_PG_URL}, {@code LUXARIS_PG_USER}, {@code LUXARIS_PG_PASSWORD},
 * {@code LUXARIS_MARIADB_URL}, {@code LUXARIS_MARIADB_USER}, {@code LUXARIS_MARIADB_PASSWORD}.
 */
final class TestDatabase implements AutoCloseable {
    enum Kind {
        H2,
        POSTGRESQL,
        MARIADB
    }

    static final String PREFIX = "luxaris_";
    static final List<String> TABLES_CHILDREN_FIRST = List.of(
            "recurring_occurrence",
            "recurring_series",
            "posting_queue_slot",
            "posting_queue",
            "publish_event",
            "schedule",
            "variant",
            "post_tag",
            "post",
            "connection",
            "channel",
            "generation_suggestion",
            "generation_session",
            "template",
            "approval_rule",
            "idempotency_key");

    final Kind kind;
    final String name;
    private final String url;
    private final String user;
    private final String password;
    private final String adminUrl;

    private TestDatabase(Kind kind, String name, String url, String user, String password, String adminUrl) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.adminUrl = adminUrl;
    }

    static boolean required() {
        return Boolean.getBoolean("luxaris.requireDatabases")
                || "true".equalsIgnoreCase(System.getenv("LUXARIS_REQUIRE_DATABASES"));
    }

    /**
     * For {@code @BeforeAll}: the database, or null when it is missing and not required (then every test of the
     * class calls {@link #assumeAvailable} and is reported as skipped with the reason).
     */
    static TestDatabase orNull(Kind kind) {
        try {
            return of(kind);
        } catch (org.opentest4j.TestAbortedException e) {
            return null;
        }
    }

    /** Skips the calling test when {@code db} is null (see {@link #orNull}). */
    static void assumeAvailable(TestDatabase db, Kind kind) {
        Assumptions.assumeTrue(
                db != null,
                () -> "LUXARIS DATABASE MISSING: " + kind + " is not reachable; see DEVELOPERS.md. Skipped; set"
                        + " luxaris.requireDatabases=true to fail instead.");
    }

    static TestDatabase of(Kind kind) {
        return switch (kind) {
            case H2 -> h2();
            case POSTGRESQL -> postgres();
            case MARIADB -> mariadb();
        };
    }

    static String randomName() {
        return "luxaris_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static TestDatabase h2() {
        String name = randomName();
        return new TestDatabase(
                Kind.H2, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "", null);
    }

    static TestDatabase postgres() {
        String url = env("LUXARIS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("LUXARIS_PG_USER", "postgres");
        String password = env("LUXARIS_PG_PASSWORD", "");
        String name = randomName();
        var db = new TestDatabase(Kind.POSTGRESQL, name, url, user, password, url);
        db.admin("CREATE SCHEMA " + name);
        return db;
    }

    static TestDatabase mariadb() {
        String server = env("LUXARIS_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String user = env("LUXARIS_MARIADB_USER", "root");
        String password = env("LUXARIS_MARIADB_PASSWORD", "");
        String name = randomName();
        String base = server.endsWith("/") ? server : server + "/";
        var db = new TestDatabase(Kind.MARIADB, name, base + name, user, password, base);
        db.admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return db;
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The schema to configure JdbcStorage with (PostgreSQL: the test schema; others: their own database). */
    Optional<String> schema() {
        return kind == Kind.POSTGRESQL ? Optional.of(name) : Optional.empty();
    }

    /** The tables' qualified prefix ({@code schema.luxaris_}). */
    String qualified(String table) {
        return schema().map(s -> s + ".").orElse("") + PREFIX + table;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A JdbcStorage builder for this database. */
    JdbcStorage.Builder storage() {
        var b = JdbcStorage.builder().url(url).user(user).maximumPoolSize(8);
        if (!password.isEmpty()) {
            b.password(password);
        }
        schema().ifPresent(b::schema);
        return b;
    }

    /** A plain JDBC connection to this database (schema set on PostgreSQL). */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        if (kind == Kind.POSTGRESQL) {
            c.setSchema(name);
        }
        return c;
    }

    /** Runs statements on a fresh connection. */
    void execute(String... statements) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + List.of(statements) + ": " + e.getMessage(), e);
        }
    }

    /** Empties every Luxaris table (default prefix), children first. */
    void deleteAllRows() {
        execute(TABLES_CHILDREN_FIRST.stream()
                .map(t -> "DELETE FROM " + qualified(t))
                .toArray(String[]::new));
    }

    private void admin(String sql) {
        String label = kind.name().toLowerCase(Locale.ROOT) + " at " + adminUrl;
        try (Connection c = DriverManager.getConnection(adminUrl + timeout(), user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            String message = "LUXARIS DATABASE MISSING: " + label + " is not reachable (" + e.getMessage()
                    + "). See DEVELOPERS.md to start it.";
            if (required()) {
                fail(message + " (luxaris.requireDatabases is set, so this is a failure)", e);
            }
            System.err.println("*** " + message + " Skipping; set luxaris.requireDatabases=true to fail instead.");
            Assumptions.abort(message);
        }
    }

    private String timeout() {
        if (kind == Kind.POSTGRESQL) {
            return (adminUrl.contains("?") ? "&" : "?") + "connectTimeout=3";
        }
        if (kind == Kind.MARIADB) {
            return (adminUrl.contains("?") ? "&" : "?") + "connectTimeout=3000";
        }
        return "";
    }

    @Override
    public void close() {
        try {
            switch (kind) {
                case POSTGRESQL -> admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                case MARIADB -> admin("DROP DATABASE IF EXISTS " + name);
                case H2 -> execute("SHUTDOWN");
            }
        } catch (RuntimeException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
