package io.luxaris.jdbc.internal;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelId;
import io.luxaris.spi.storage.ChannelRepository;
import java.util.List;
import java.util.Optional;

/** The channel catalog. */
final class ChannelRepo implements ChannelRepository {
    private final JdbcTransaction tx;

    ChannelRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void upsert(Channel channel) {
        tx.writable();
        Guard.of("channel")
                .text("key", channel.key(), Columns.CHANNEL_KEY)
                .text("name", channel.name(), Columns.CHANNEL_NAME)
                .check();
        String values = ":id, :key, :name, :status, " + tx.d.json("limits") + ", :created, :updated";
        String columns = Rows.columns(Rows.CHANNEL);
        String sql =
                switch (tx.d.dialect()) {
                    case POSTGRESQL ->
                        "INSERT INTO " + tx.t.channel + " (" + columns + ") VALUES (" + values
                                + ") ON CONFLICT (id) DO UPDATE SET channel_key = EXCLUDED.channel_key,"
                                + " name = EXCLUDED.name, status = EXCLUDED.status, limits = EXCLUDED.limits,"
                                + " created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at";
                    case MARIADB ->
                        "INSERT INTO " + tx.t.channel + " (" + columns + ") VALUES (" + values
                                + ") ON DUPLICATE KEY UPDATE channel_key = VALUES(channel_key), name = VALUES(name),"
                                + " status = VALUES(status), limits = VALUES(limits),"
                                + " created_at = VALUES(created_at), updated_at = VALUES(updated_at)";
                    case H2 -> "MERGE INTO " + tx.t.channel + " (" + columns + ") KEY (id) VALUES (" + values + ")";
                };
        tx.sql("upsert channel " + channel.key(), () -> tx.handle
                .createUpdate(sql)
                .bind("id", tx.d.uuid(channel.id().value()))
                .bind("key", channel.key())
                .bind("name", channel.name())
                .bind("status", channel.status().wireName())
                .bind("limits", Json.limits(channel.limits()))
                .bind("created", tx.d.instant(channel.createdAt()))
                .bind("updated", tx.d.instant(channel.updatedAt()))
                .execute());
    }

    @Override
    public Optional<Channel> find(ChannelId id) {
        tx.readable();
        return tx.first(
                "find channel " + id,
                tx.handle
                        .createQuery(
                                "SELECT " + Rows.columns(Rows.CHANNEL) + " FROM " + tx.t.channel + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value())),
                tx.rows.channel());
    }

    @Override
    public List<Channel> list() {
        tx.readable();
        return tx.list(
                "list channels",
                new Sql("SELECT " + Rows.columns(Rows.CHANNEL) + " FROM " + tx.t.channel + " ORDER BY channel_key"),
                tx.rows.channel());
    }
}
