package io.luxaris.benchmarks.harness;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the harness runs on: {@code LUXARIS_PG_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}), {@code LUXARIS_PG_USER} (default {@code postgres}) and {@code
 * LUXARIS_PG_PASSWORD} (default empty), the same variables as the luxaris-jdbc tests. Gives schemas, pools with an
 * application name (so their server backends can be told apart), and the database's commit counter.
 */
final class Pg {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Every pool and connection of the harness carries an application name starting with this. */
    static final String APPLICATION_PREFIX = "luxbench-";

    final String url;
    final String user;
    final String password;
    /** {@code luxbench-<tag>-}: the application names of this harness process (several may run at once). */
    private final String applicationPrefix;

    Pg(String url, String user, String password, String tag) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.applicationPrefix = APPLICATION_PREFIX + checkIdentifier(tag) + "-";
    }

    static Pg fromEnvironment(String tag) {
        return new Pg(
                env("LUXARIS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                env("LUXARIS_PG_USER", "postgres"),
                env("LUXARIS_PG_PASSWORD", ""),
                tag);
    }

    /** The application name of one role (pool or connection) of this process. */
    String application(String role) {
        return applicationPrefix + role;
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The URL with driver parameters added ({@code currentSchema}, {@code ApplicationName}, ...). */
    String url(Map<String, String> parameters) {
        var out = new StringBuilder(url);
        char sep = url.contains("?") ? '&' : '?';
        for (var e : parameters.entrySet()) {
            out.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return out.toString();
    }

    /** A plain connection (autocommit) with an application name, optionally on a schema. */
    Connection connect(String application, String schema) throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", application(application));
        props.setProperty("connectTimeout", "5");
        Connection c = DriverManager.getConnection(url, props);
        if (schema != null) {
            c.setSchema(schema);
        }
        return c;
    }

    /** A HikariCP pool on {@code schema} (as the connections' current schema) named after the engine. */
    HikariDataSource pool(String application, String schema, int size) {
        var config = new HikariConfig();
        var params = new LinkedHashMap<String, String>();
        if (schema != null) {
            params.put("currentSchema", schema);
        }
        params.put("ApplicationName", application(application));
        config.setJdbcUrl(url(params));
        config.setUsername(user);
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setPoolName(application(application));
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** Drops (if present) and creates a schema. */
    void recreateSchema(String schema) throws SQLException {
        checkIdentifier(schema);
        try (Connection c = connect("aux-admin", null);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    /** Drops a schema and everything in it; failures are printed, not thrown (cleanup). */
    void dropSchemaQuietly(String schema) {
        try (Connection c = connect("aux-admin", null);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + checkIdentifier(schema) + " CASCADE");
        } catch (SQLException | RuntimeException e) {
            System.err.println("could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    static String checkIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case identifier: '" + name + "'");
        }
        return name;
    }

    /**
     * {@code VACUUM (ANALYZE)} of every table of {@code schema}: the state autovacuum would bring a table to, done
     * at the same point for every engine (this server may run with autovacuum off; then nothing else would).
     */
    void vacuumAnalyze(String schema) throws SQLException {
        List<String> tables = tables(schema);
        try (Connection c = connect("aux-admin", schema);
                Statement s = c.createStatement()) {
            for (String t : tables) {
                s.execute("VACUUM (ANALYZE) " + t);
            }
        }
    }

    /** The tables of {@code schema}, qualified ({@code schema.table}). */
    private List<String> tables(String schema) throws SQLException {
        var tables = new ArrayList<String>();
        try (Connection c = connect("aux-admin", schema);
                var ps = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY 1")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(checkIdentifier(schema) + "." + checkIdentifier(rs.getString(1)));
                }
            }
        }
        return tables;
    }

    /**
     * Runs {@code ANALYZE} on every table of {@code schema} every {@code every} until closed, on a connection of its
     * own: what autovacuum does on a server where it runs. This development server runs with autovacuum off, and a
     * table that grows during a run (the steady state's schedules) would otherwise keep the statistics of its empty
     * start, and the planner its plans for an empty table.
     */
    Analyzer analyzeEvery(String schema, Duration every) throws SQLException {
        return new Analyzer(this, schema, tables(schema), every);
    }

    /** The background {@code ANALYZE} of {@link #analyzeEvery}; {@link #commits()} counts its transactions. */
    static final class Analyzer implements AutoCloseable {
        private final CountDownLatch stop = new CountDownLatch(1);
        private final AtomicInteger commits = new AtomicInteger();
        private final Thread thread;

        private Analyzer(Pg pg, String schema, List<String> tables, Duration every) {
            thread = new Thread(
                    () -> {
                        try (Connection c = pg.connect("aux-analyze", schema);
                                Statement s = c.createStatement()) {
                            while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                                for (String table : tables) { // outside a transaction block: one commit each
                                    s.execute("ANALYZE " + table);
                                    commits.incrementAndGet();
                                }
                            }
                        } catch (SQLException e) {
                            System.err.println("the background ANALYZE stopped: " + e.getMessage());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "luxbench-analyze");
            thread.setDaemon(true);
            thread.start();
        }

        /** The transactions it committed (subtracted from the engine's commits). */
        int commits() {
            return commits.get();
        }

        @Override
        public void close() {
            stop.countDown();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs statements on {@code schema} (each in autocommit). */
    void execute(String schema, String... statements) throws SQLException {
        try (Connection c = connect("aux-admin", schema);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** One number from a query on {@code schema}. */
    long number(String schema, String sql) throws SQLException {
        try (Connection c = connect("aux-admin", schema);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * {@code pg_stat_database.xact_commit} of the current database, read on a fresh connection. The statistics a
     * backend collects reach the shared counters when it ends (or at most about once a second while it works), so
     * read this after the pools of the measured run are closed; the read itself counts one commit, once that
     * connection is closed.
     */
    long xactCommit() throws SQLException {
        try (Connection c = connect("stats", null);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Waits (at most {@code millis}) until no backend of this process is left but the one asking (a closed pool's
     * backends end, and report their statistics, a moment after the pool is closed). Returns how many queries it
     * ran: they count as commits once its own connection is closed.
     */
    int awaitNoBackends(long millis) throws SQLException, InterruptedException {
        return awaitNoBackendsOf("", millis);
    }

    /** {@link #awaitNoBackends} for the roles whose name starts with {@code role}. */
    int awaitNoBackendsOf(String role, long millis) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        int queries = 0;
        try (Connection c = connect("wait", null);
                Statement s = c.createStatement()) {
            while (true) {
                queries++;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE '"
                        + applicationPrefix + role + "%' AND pid <> pg_backend_pid()")) {
                    rs.next();
                    if (rs.getLong(1) == 0 || System.nanoTime() > deadline) {
                        return queries;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    /** Server version and the settings that matter for these measurements. */
    Map<String, String> serverFacts() throws SQLException {
        var facts = new LinkedHashMap<String, String>();
        try (Connection c = connect("aux-admin", null);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                facts.put("version", rs.getString(1));
            }
            List<String> names = new ArrayList<>(List.of(
                    "shared_buffers",
                    "synchronous_commit",
                    "fsync",
                    "wal_sync_method",
                    "max_connections",
                    "work_mem",
                    "effective_cache_size",
                    "random_page_cost",
                    "checkpoint_timeout",
                    "max_wal_size",
                    "autovacuum",
                    "jit"));
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    facts.put(name, rs.getString(1));
                } catch (SQLException e) {
                    facts.put(name, "?");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                facts.put("database", rs.getString(1));
            }
        }
        return facts;
    }

    /** The URL without credentials, for reports. */
    String where() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
