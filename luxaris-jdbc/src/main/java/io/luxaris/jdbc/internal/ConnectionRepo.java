package io.luxaris.jdbc.internal;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.errors.ConflictException;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.ConnectionRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Channel connections; the sealed credentials live in a binary column of the same row. */
final class ConnectionRepo implements ConnectionRepository {
    private final JdbcTransaction tx;

    ConnectionRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    private static void guard(ChannelConnection c) {
        Guard.of("connection")
                .text("ownerPrincipalId", c.ownerPrincipalId(), Columns.OWNER)
                .text("displayName", c.displayName(), Columns.DISPLAY_NAME)
                .text("statusReason", c.statusReason(), Columns.STATUS_REASON)
                .check();
    }

    @Override
    public void insert(ChannelConnection c, byte[] sealedCredentials) {
        tx.writable();
        guard(c);
        String sql = "INSERT INTO " + tx.t.connection + " (" + Rows.columns(Rows.CONNECTION) + ", credentials)"
                + " VALUES (:id, :owner, :channel, :name, :status, :reason, " + tx.d.json("properties")
                + ", :expires, :refreshExpires, :created, :updated, :lastUsed, :version, :credentials)";
        tx.sql("insert connection " + c.id(), () -> tx.handle
                .createUpdate(sql)
                .bind("id", tx.d.uuid(c.id().value()))
                .bind("owner", c.ownerPrincipalId())
                .bind("channel", tx.d.uuid(c.channelId().value()))
                .bind("name", c.displayName())
                .bind("status", c.status().wireName())
                .bind("reason", c.statusReason().orElse(null))
                .bind("properties", Json.map(c.properties()))
                .bind("expires", tx.d.instant(c.credentialsExpireAt()))
                .bind("refreshExpires", tx.d.instant(c.refreshExpiresAt()))
                .bind("created", tx.d.instant(c.createdAt()))
                .bind("updated", tx.d.instant(c.updatedAt()))
                .bind("lastUsed", tx.d.instant(c.lastUsedAt()))
                .bind("version", c.version())
                .bind("credentials", tx.d.bytes(sealedCredentials.clone()))
                .execute());
    }

    @Override
    public ChannelConnection update(ChannelConnection c) {
        tx.writable();
        guard(c);
        String set = " SET display_name = :name, status = :status, status_reason = :reason, properties = "
                + tx.d.json("properties") + ", credentials_expire_at = :expires, refresh_expires_at = :refreshExpires,"
                + " updated_at = :updated, last_used_at = COALESCE(:lastUsed, last_used_at), version = version + 1"
                + " WHERE id = :id AND version = :version";
        String action = "update connection " + c.id();
        if (tx.d.is(Dialect.POSTGRESQL)) {
            Optional<ChannelConnection> stored = tx.first(
                    action,
                    bind(
                            tx.handle.createQuery(
                                    "UPDATE " + tx.t.connection + set + " RETURNING " + Rows.columns(Rows.CONNECTION)),
                            c),
                    tx.rows.connection(""));
            return stored.orElseThrow(() -> tx.staleOrMissing(tx.t.connection, "connection", c.id(), c.id().value()));
        }
        ChannelConnection stored = find(c.id())
                .orElseThrow(() -> new ConflictException("connection " + c.id() + " does not exist any more"));
        if (stored.version() != c.version()) {
            throw ConflictException.concurrentModification("connection", c.id());
        }
        int n = tx.sql(action, () -> bind(tx.handle.createUpdate("UPDATE " + tx.t.connection + set), c)
                .execute());
        if (n == 0) {
            throw ConflictException.concurrentModification("connection", c.id());
        }
        return new ChannelConnection(
                c.id(),
                stored.ownerPrincipalId(),
                stored.channelId(),
                c.displayName(),
                c.status(),
                c.statusReason(),
                c.properties(),
                c.credentialsExpireAt(),
                c.refreshExpiresAt(),
                stored.createdAt(),
                c.updatedAt(),
                c.lastUsedAt().isPresent() ? c.lastUsedAt() : stored.lastUsedAt(),
                stored.version() + 1);
    }

    private <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, ChannelConnection c) {
        return statement
                .bind("id", tx.d.uuid(c.id().value()))
                .bind("name", c.displayName())
                .bind("status", c.status().wireName())
                .bind("reason", c.statusReason().orElse(null))
                .bind("properties", Json.map(c.properties()))
                .bind("expires", tx.d.instant(c.credentialsExpireAt()))
                .bind("refreshExpires", tx.d.instant(c.refreshExpiresAt()))
                .bind("updated", tx.d.instant(c.updatedAt()))
                .bind("lastUsed", tx.d.instant(c.lastUsedAt()))
                .bind("version", c.version());
    }

    @Override
    public Optional<ChannelConnection> find(ConnectionId id) {
        tx.readable();
        return tx.first(
                "find connection " + id,
                tx.handle
                        .createQuery("SELECT " + Rows.columns(Rows.CONNECTION) + " FROM " + tx.t.connection
                                + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value())),
                tx.rows.connection(""));
    }

    @Override
    public Map<ConnectionId, ChannelConnection> findAll(Collection<ConnectionId> ids) {
        tx.readable();
        var found = new LinkedHashMap<ConnectionId, ChannelConnection>();
        if (ids.isEmpty()) {
            return found;
        }
        tx.listIn(
                        "find " + ids.size() + " connection(s)",
                        "SELECT " + Rows.columns(Rows.CONNECTION) + " FROM " + tx.t.connection + " WHERE id IN ",
                        ids.stream().map(ConnectionId::value).toList(),
                        "",
                        tx.rows.connection(""))
                .forEach(c -> found.put(c.id(), c));
        return found;
    }

    @Override
    public List<ChannelConnection> list(OwnerScope owners, Optional<ChannelId> channel) {
        tx.readable();
        var sql = new Sql("SELECT " + Rows.columns(Rows.CONNECTION) + " FROM " + tx.t.connection + " WHERE 1 = 1");
        sql.owners("owner_id", owners);
        channel.ifPresent(ch -> sql.append(" AND channel_id = :channel").bind("channel", tx.d.uuid(ch.value())));
        sql.append(" ORDER BY created_at, id");
        return tx.list("list connections", sql, tx.rows.connection(""));
    }

    @Override
    public Optional<byte[]> credentials(ConnectionId id) {
        tx.readable();
        return tx.sql("read credentials of connection " + id, () -> tx.handle
                .createQuery("SELECT credentials FROM " + tx.t.connection + " WHERE id = :id")
                .bind("id", tx.d.uuid(id.value()))
                .map((rs, ctx) -> rs.getBytes("credentials"))
                .findFirst());
    }

    @Override
    public Map<ConnectionId, byte[]> credentialsAll(Collection<ConnectionId> ids) {
        tx.readable();
        var found = new LinkedHashMap<ConnectionId, byte[]>();
        if (ids.isEmpty()) {
            return found;
        }
        @SuppressWarnings("ArrayRecordComponent") // a local carrier of one row; never compared or hashed
        record Sealed(ConnectionId id, byte[] credentials) {}
        tx.listIn(
                        "read credentials of " + ids.size() + " connection(s)",
                        "SELECT id, credentials FROM " + tx.t.connection + " WHERE id IN ",
                        ids.stream().map(ConnectionId::value).toList(),
                        "",
                        (rs, ctx) -> new Sealed(new ConnectionId(tx.d.uuid(rs, "id")), rs.getBytes("credentials")))
                .forEach(s -> found.put(s.id(), s.credentials()));
        return found;
    }

    @Override
    public void updateCredentials(ConnectionId id, byte[] sealedCredentials) {
        tx.writable();
        int n = tx.sql("update credentials of connection " + id, () -> tx.handle
                .createUpdate("UPDATE " + tx.t.connection + " SET credentials = :credentials WHERE id = :id")
                .bind("id", tx.d.uuid(id.value()))
                .bind("credentials", tx.d.bytes(sealedCredentials.clone()))
                .execute());
        if (n == 0) {
            throw new ConflictException("connection " + id + " does not exist");
        }
    }

    /**
     * Records a use. On PostgreSQL and MariaDB it never waits for a row lock: when another transaction holds the
     * connection row (it is recording a use at the same moment, or changing the connection), this use is not
     * recorded. The connection row is the one row every publish of an account touches; waiting on it would make
     * concurrent engines take turns.
     */
    @Override
    public void touch(ConnectionId id, Instant lastUsedAt) {
        touchAll(List.of(id), lastUsedAt);
    }

    @Override
    public void touchAll(Collection<ConnectionId> ids, Instant lastUsedAt) {
        tx.writable();
        if (ids.isEmpty()) {
            return;
        }
        // a statistic: rows another transaction holds are skipped rather than waited for, as in touch()
        tx.updateUnlocked(
                "touch " + ids.size() + " connection(s)",
                tx.t.connection,
                "last_used_at = :at",
                ids.stream().map(ConnectionId::value).toList(),
                "",
                sql -> {},
                sql -> sql.bind("at", tx.d.instant(lastUsedAt)));
    }
}
