package io.luxaris.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.luxaris.errors.StorageException;
import io.luxaris.jdbc.internal.Database;
import io.luxaris.jdbc.internal.H2Files;
import io.luxaris.jdbc.internal.Migrations;
import io.luxaris.jdbc.internal.SchemaNames;
import io.luxaris.jdbc.internal.Urls;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Luxaris storage in a SQL database: PostgreSQL (production, several application instances can share one
 * database), MariaDB/MySQL, or H2 (embedded). Schema migrations run when it is built; every {@code Luxaris}
 * instance built on it opens a view of the same database.
 *
 * <pre>{@code
 * try (JdbcStorage storage = JdbcStorage.builder()
 *                 .url("jdbc:postgresql://db:5432/app")
 *                 .user("app").password(secret)
 *                 .schema("luxaris")
 *                 .build();
 *         Luxaris luxaris = Luxaris.builder()
 *                 .storage(storage)
 *                 .secretCipher(TinkSecretCipher.fromKeyFile(Path.of("/etc/app/luxaris-keyset.json")))
 *                 .build()) {
 *     luxaris.publishing().start();
 *     ...
 * }
 * }</pre>
 *
 * <p>A {@code JdbcStorage} owns the connection pool it created from a URL (and closes it in {@link #close()}); a
 * {@link DataSource} given with {@link #create(DataSource)} stays the host's. Closing a {@code Luxaris} instance
 * closes only its view. Thread-safe.
 *
 * <p>Dependencies: H2 is included; for PostgreSQL add {@code org.postgresql:postgresql}, for MariaDB/MySQL add
 * {@code org.mariadb.jdbc:mariadb-java-client} (Flyway's support of both is included).
 *
 * <p>Time: "due", leases and the engine's "now" are the database's clock ({@code now()}, {@code UTC_TIMESTAMP(6)},
 * {@code CURRENT_TIMESTAMP}), so that instances with skewed clocks agree; the {@code Clock} given to Luxaris is not
 * used for them. Timestamps are stored in UTC with microsecond precision.
 */
public final class JdbcStorage implements StorageProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,29})?");

    private final Database database;
    private final Dialect dialect;
    private final @Nullable HikariDataSource ownedPool;
    private final boolean shutdownOnClose;
    private final Object closeLock = new Object();
    private volatile boolean closed; // written under closeLock

    private JdbcStorage(
            Database database, Dialect dialect, @Nullable HikariDataSource ownedPool, boolean shutdownOnClose) {
        this.database = database;
        this.dialect = dialect;
        this.ownedPool = ownedPool;
        this.shutdownOnClose = shutdownOnClose;
    }

    /**
     * Storage in the database of {@code dataSource} (ideally a pool such as HikariCP), with the default table
     * prefix {@code luxaris_}; runs the migrations. The data source stays the caller's to close.
     */
    public static JdbcStorage create(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /**
     * The embedded default: an H2 database in files under {@code directory} (created when missing, then readable by
     * the owner only). On POSIX file systems the database files are created with mode 0600, like a Tink keyset.
     */
    public static JdbcStorage embedded(Path directory) {
        Objects.requireNonNull(directory, "directory");
        String file = directory.toAbsolutePath().resolve("luxaris").toString();
        return builder()
                .url("jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000")
                .maximumPoolSize(4)
                .build();
    }

    /**
     * A private in-memory H2 database, gone when this storage is closed: SQL semantics without a server, for
     * tests and demos. Not durable (Luxaris then accepts an ephemeral secret cipher).
     */
    public static JdbcStorage inMemory() {
        Builder builder = builder()
                .url("jdbc:h2:mem:luxaris-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
                .maximumPoolSize(4);
        builder.privateMemoryDatabase = true;
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Storage open(StorageContext context) {
        Objects.requireNonNull(context, "context");
        if (closed) {
            throw new IllegalStateException("this JdbcStorage is closed");
        }
        return database.storage();
    }

    /** The dialect in use. */
    public Dialect dialect() {
        return dialect;
    }

    /** Database product, version and location, without credentials. */
    public String description() {
        return database.description();
    }

    /**
     * Re-encrypts the stored credentials of every connection with {@code cipher}'s primary key: the middle step
     * of a key rotation (see {@link TinkSecretCipher#rotate}). {@code cipher} must still be able to decrypt what
     * is stored. Returns how many connections were re-encrypted.
     */
    public int reencryptCredentials(SecretCipher cipher) {
        return database.reencryptCredentials(cipher);
    }

    /**
     * Closes the pool this storage created (if any). Idempotent and safe to call from several threads: the pool is
     * closed once, and a call made while another one is closing returns when that one is done.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (ownedPool != null) {
                if (shutdownOnClose) {
                    try (Connection c = ownedPool.getConnection();
                            Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    } catch (SQLException e) {
                        LOG.debug("could not shut the in-memory database down", e);
                    }
                }
                ownedPool.close();
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + description() + "]";
    }

    /**
     * Settings of a {@link JdbcStorage}. Give either a {@link #dataSource} or a {@link #url} (then JdbcStorage
     * creates and owns a HikariCP pool, sized by the pool settings).
     */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable String url;
        private @Nullable String user;
        private @Nullable String password;
        private @Nullable Dialect dialect;
        private @Nullable String schema;
        private String tablePrefix = "luxaris_";
        private boolean migrate = true;
        private @Nullable Integer maximumPoolSize;
        private @Nullable Integer minimumIdle;
        private @Nullable Duration connectionTimeout;
        private @Nullable String poolName;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private boolean privateMemoryDatabase;

        private Builder() {}

        /** The host's data source (a pool); it stays the host's to close. */
        public Builder dataSource(DataSource value) {
            this.dataSource = Objects.requireNonNull(value, "dataSource");
            return this;
        }

        /** A JDBC URL; JdbcStorage creates a HikariCP pool for it (add the driver of the database). */
        public Builder url(String value) {
            Objects.requireNonNull(value, "url");
            if (!value.startsWith("jdbc:")) {
                throw new IllegalArgumentException("url must be a JDBC URL (jdbc:...) but was " + Urls.redact(value));
            }
            this.url = value;
            return this;
        }

        public Builder user(String value) {
            this.user = Objects.requireNonNull(value, "user");
            return this;
        }

        /** The password; never logged, never part of a message. */
        public Builder password(String value) {
            this.password = Objects.requireNonNull(value, "password");
            return this;
        }

        /** Overrides the dialect detected from the connection. */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * The schema (PostgreSQL, H2) or database (MariaDB) of the tables; created by the migrations when missing.
         * Default: the connection's current one. Lower-case letters, digits and underscores; not a reserved SQL word
         * ({@code select}, {@code user}...) and not a system schema ({@code pg_catalog}, {@code information_schema},
         * {@code mysql}, {@code performance_schema}, {@code sys}, any {@code pg_*}).
         */
        public Builder schema(String value) {
            Objects.requireNonNull(value, "schema");
            if (!IDENTIFIER.matcher(value).matches()) {
                throw new IllegalArgumentException("schema must match " + IDENTIFIER + " but was '" + value + "'");
            }
            SchemaNames.problem(value).ifPresent(why -> {
                throw new IllegalArgumentException("schema '" + value + "' cannot hold the Luxaris tables: " + why);
            });
            this.schema = value;
            return this;
        }

        /**
         * Prefix of every table, index and constraint name (default {@code luxaris_}); several prefixes can live in
         * one schema. Lower-case letters, digits and underscores, starting with a letter; may be empty.
         */
        public Builder tablePrefix(String value) {
            Objects.requireNonNull(value, "tablePrefix");
            if (!PREFIX.matcher(value).matches()) {
                throw new IllegalArgumentException("tablePrefix must match " + PREFIX + " but was '" + value + "'");
            }
            this.tablePrefix = value;
            return this;
        }

        /** Whether to apply the schema migrations when building (default true). */
        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        /** Most connections of the pool created from {@link #url} (default 10). */
        public Builder maximumPoolSize(int value) {
            if (value < 1 || value > 1_000) {
                throw new IllegalArgumentException("maximumPoolSize must be within 1..1000 but was " + value);
            }
            this.maximumPoolSize = value;
            return this;
        }

        /** Idle connections kept by the pool created from {@link #url} (default: 2, at most the maximum). */
        public Builder minimumIdle(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("minimumIdle must not be negative but was " + value);
            }
            this.minimumIdle = value;
            return this;
        }

        /** How long to wait for a pooled connection (default 10 s, at least 250 ms). */
        public Builder connectionTimeout(Duration value) {
            Objects.requireNonNull(value, "connectionTimeout");
            if (value.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be at least 250 ms but was " + value);
            }
            this.connectionTimeout = value;
            return this;
        }

        /** Name of the pool created from {@link #url} (default {@code luxaris}); shows in thread names and JMX. */
        public Builder poolName(String value) {
            this.poolName = Objects.requireNonNull(value, "poolName");
            return this;
        }

        /** A driver property for the pool created from {@link #url} (such as PostgreSQL's ApplicationName). */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Connects, detects the dialect, applies the migrations (unless disabled) and logs what it found once.
         *
         * @throws StorageException when the database cannot be reached (the message names the URL, without
         *     password) or the migrations fail
         */
        public JdbcStorage build() {
            if ((dataSource == null) == (url == null)) {
                throw new IllegalStateException("give exactly one of dataSource(...) and url(...)");
            }
            if (dataSource != null) {
                for (var e : Map.of(
                                "user",
                                user != null,
                                "password",
                                password != null,
                                "maximumPoolSize",
                                maximumPoolSize != null,
                                "minimumIdle",
                                minimumIdle != null,
                                "connectionTimeout",
                                connectionTimeout != null,
                                "poolName",
                                poolName != null,
                                "property",
                                !properties.isEmpty())
                        .entrySet()) {
                    if (e.getValue()) {
                        throw new IllegalStateException(e.getKey()
                                + " applies only to the pool JdbcStorage creates from url(...); configure the"
                                + " given dataSource instead");
                    }
                }
            }
            int max = maximumPoolSize == null ? 10 : maximumPoolSize;
            int minIdle = minimumIdle == null ? Math.min(2, max) : minimumIdle;
            if (minIdle > max) {
                throw new IllegalArgumentException(
                        "minimumIdle (" + minIdle + ") must not exceed maximumPoolSize (" + max + ")");
            }
            HikariDataSource pool = null;
            DataSource source;
            String where;
            if (url != null) {
                H2Files.databasePath(url).ifPresent(H2Files::prepare);
                where = Urls.redact(url);
                pool = pool(max, minIdle, where);
                source = pool;
            } else {
                source = Objects.requireNonNull(dataSource, "dataSource"); // exactly one of url and dataSource is set
                where = source instanceof HikariDataSource h && h.getJdbcUrl() != null
                        ? Urls.redact(h.getJdbcUrl())
                        : "the given DataSource (" + source.getClass().getName() + ")";
            }
            try {
                return open(source, pool, where);
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw e;
            }
        }

        private HikariDataSource pool(int max, int minIdle, String where) {
            var config = new HikariConfig();
            config.setJdbcUrl(url);
            if (user != null) {
                config.setUsername(user);
            }
            if (password != null) {
                config.setPassword(password);
            }
            config.setMaximumPoolSize(max);
            config.setMinimumIdle(minIdle);
            config.setConnectionTimeout(
                    (connectionTimeout == null ? Duration.ofSeconds(10) : connectionTimeout).toMillis());
            config.setPoolName(poolName == null ? "luxaris" : poolName);
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            config.setAutoCommit(true);
            if (Dialect.fromUrl(url).orElse(null) == Dialect.POSTGRESQL
                    && !properties.containsKey("logServerErrorDetail")) {
                // keep row contents (the "Failing row contains ..." detail) out of exception messages and logs
                config.addDataSourceProperty("logServerErrorDetail", "false");
            }
            properties.forEach(config::addDataSourceProperty);
            try {
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw unreachable(where, e);
            }
        }

        private StorageException unreachable(String where, Throwable e) {
            var secrets = new java.util.ArrayList<>(Urls.secrets(url));
            if (password != null) {
                secrets.add(password);
            }
            Throwable safe = Urls.scrub(e, secrets);
            Throwable root = safe;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = Urls.redact(Urls.scrub(root.getMessage(), secrets));
            return new StorageException(
                    "cannot connect to the Luxaris database at " + where + ": " + reason, safe, true);
        }

        private JdbcStorage open(DataSource source, @Nullable HikariDataSource pool, String where) {
            String product;
            String version;
            String metaUrl;
            try (Connection c = source.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                product = meta.getDatabaseProductName();
                version = meta.getDatabaseProductVersion();
                metaUrl = meta.getURL();
            } catch (SQLException e) {
                throw unreachable(where, e);
            }
            Optional<Dialect> detected = Dialect.fromProductName(product);
            Dialect chosen = dialect != null
                    ? dialect
                    : detected.orElseThrow(() -> new StorageException(
                            "the database at " + where + " is " + product
                                    + ", which Luxaris does not support; set the dialect explicitly if it is"
                                    + " compatible with one of " + java.util.Arrays.toString(Dialect.values()),
                            null,
                            false));
            String schemaVersion = "not migrated";
            if (migrate) {
                schemaVersion = Migrations.migrate(source, chosen, Optional.ofNullable(schema), tablePrefix);
            }
            boolean memory = metaUrl != null && metaUrl.startsWith("jdbc:h2:mem:");
            String description = product + " " + shortVersion(version) + " at " + Urls.location(metaUrl)
                    + (schema != null ? ", schema " + schema : "")
                    + (tablePrefix.isEmpty() ? "" : ", tables " + tablePrefix + "*");
            LOG.info(
                    "Luxaris JDBC storage: {}; dialect {} ({}); schema version {}",
                    description,
                    chosen,
                    dialect == null
                            ? "detected"
                            : "configured"
                                    + detected.map(d -> d == chosen ? "" : ", the database says " + d)
                                            .orElse(""),
                    schemaVersion);
            var database = new Database(
                    source,
                    chosen,
                    Optional.ofNullable(schema),
                    tablePrefix,
                    description,
                    !memory,
                    chosen == Dialect.MARIADB && pool == null);
            return new JdbcStorage(database, chosen, pool, privateMemoryDatabase);
        }

        private static String shortVersion(@Nullable String version) {
            if (version == null) {
                return "";
            }
            int space = version.indexOf(' ');
            return space > 0 ? version.substring(0, space) : version;
        }
    }
}
