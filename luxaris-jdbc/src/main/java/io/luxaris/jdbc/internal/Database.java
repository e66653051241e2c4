package io.luxaris.jdbc.internal;

import io.luxaris.domain.ConnectionId;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.TransactionWork;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * One database as Luxaris uses it: Jdbi over the data source, the dialect, the table names, and transactions. A
 * transaction started on a thread that already runs one joins it (like the in-memory store).
 */
public final class Database {
    private final Jdbi jdbi;
    private final SqlDialect dialect;
    private final Tables tables;
    private final Rows rows;
    private final String description;
    private final boolean durable;
    private final boolean enforceReadCommitted;

    @SuppressWarnings("ThreadLocalUsage") // per database on purpose: each one knows the transaction of each thread
    private final ThreadLocal<JdbcTransaction> current = new ThreadLocal<>();

    /**
     * @param enforceReadCommitted set READ COMMITTED on every connection that is not at it (for data sources
     *     Luxaris did not configure, on databases whose default is stricter)
     */
    public Database(
            DataSource dataSource,
            Dialect dialect,
            Optional<String> schema,
            String tablePrefix,
            String description,
            boolean durable,
            boolean enforceReadCommitted) {
        this.jdbi = Jdbi.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.jdbi.setTemplateEngine(TemplateEngine.NOP);
        this.dialect = new SqlDialect(dialect);
        this.tables = new Tables(schema, tablePrefix);
        this.rows = new Rows(this.dialect);
        this.description = description;
        this.durable = durable;
        this.enforceReadCommitted = enforceReadCommitted;
    }

    SqlDialect dialect() {
        return dialect;
    }

    Tables tables() {
        return tables;
    }

    Rows rows() {
        return rows;
    }

    public String description() {
        return description;
    }

    /** A storage view for one {@code Luxaris} instance. */
    public Storage storage() {
        return new JdbcStore(this, durable);
    }

    /** Runs {@code work} in a transaction (or in the one this thread already runs). */
    public <T> T transaction(TransactionWork<T> work, boolean readOnly) {
        JdbcTransaction joined = current.get();
        if (joined != null) {
            if (joined.readOnly() && !readOnly) {
                throw new IllegalStateException("a read-only transaction cannot start a read-write one");
            }
            return work.run(joined);
        }
        Handle handle;
        try {
            handle = jdbi.open();
        } catch (JdbiException e) {
            throw SqlErrors.translate("getting a database connection", e);
        }
        JdbcTransaction tx = null;
        try {
            prepare(handle);
            handle.begin();
            tx = new JdbcTransaction(this, handle, readOnly);
            current.set(tx);
            T result = work.run(tx);
            tx.end();
            handle.commit();
            return result;
        } catch (JdbiException e) {
            rollbackQuietly(handle, e);
            throw SqlErrors.translate(readOnly ? "read-only transaction" : "transaction", e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(handle, e);
            throw e;
        } finally {
            if (tx != null) {
                tx.end();
            }
            current.remove();
            closeQuietly(handle);
        }
    }

    private void prepare(Handle handle) {
        if (!enforceReadCommitted) {
            return;
        }
        try {
            Connection c = handle.getConnection();
            if (c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("setting READ COMMITTED", e);
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable cause) {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            // the connection is broken or was rolled back already; the pool discards it
        }
    }

    /**
     * Re-encrypts every connection's credentials with {@code cipher} (decrypt, then encrypt with the cipher's
     * current primary key), one transaction per connection. Returns how many were re-encrypted.
     */
    public int reencryptCredentials(SecretCipher cipher) {
        Objects.requireNonNull(cipher, "cipher");
        List<UUID> ids = transaction(
                tx -> ((JdbcTransaction) tx)
                        .list(
                                "list connections",
                                new Sql("SELECT id FROM " + tables.connection + " ORDER BY id"),
                                (rs, ctx) -> dialect.uuid(rs, "id")),
                true);
        int n = 0;
        for (UUID id : ids) {
            ConnectionId connection = new ConnectionId(id);
            boolean done = transaction(
                    tx -> {
                        Optional<byte[]> sealed = tx.connections().credentials(connection);
                        if (sealed.isEmpty()) {
                            return false;
                        }
                        byte[] ad = associatedData(connection);
                        byte[] plain = cipher.decrypt(sealed.get(), ad);
                        tx.connections().updateCredentials(connection, cipher.encrypt(plain, ad));
                        java.util.Arrays.fill(plain, (byte) 0);
                        return true;
                    },
                    false);
            if (done) {
                n++;
            }
        }
        return n;
    }

    /** The associated data Luxaris seals a connection's credentials with (the connection id). */
    static byte[] associatedData(ConnectionId connection) {
        return ("luxaris-connection:" + connection).getBytes(StandardCharsets.UTF_8);
    }
}
