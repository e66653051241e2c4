package io.luxaris.jdbc.internal;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.QueueId;
import io.luxaris.domain.ScheduleId;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.PostingQueueRepository;
import io.luxaris.spi.storage.QueueClaim;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Publishing queues; a slot claim is a row keyed by (queue, slot instant), so one slot is claimed once, and writers
 * serialize on the queue row ({@code SELECT ... FOR UPDATE}, at READ COMMITTED: the waiting writer then reads the
 * claims the first one committed).
 */
final class PostingQueueRepo implements PostingQueueRepository {
    private static final List<String> COLUMNS = List.of(
            "id",
            "owner_id",
            "name",
            "connections",
            "timezone",
            "slot_times",
            "days",
            "excluded_dates",
            "max_per_day",
            "created_at",
            "updated_at",
            "version");

    private final JdbcTransaction tx;

    PostingQueueRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    private static void guard(PostingQueue q) {
        Guard.of("queue")
                .text("ownerPrincipalId", q.ownerPrincipalId(), Columns.OWNER)
                .text("name", q.name(), PostingQueue.NAME)
                .text("zone", q.zone().getId(), Columns.TIMEZONE)
                .check();
    }

    private <S extends SqlStatement<S>> S bindMutable(S s, PostingQueue q) {
        return s.bind("id", tx.d.uuid(q.id().value()))
                .bind("name", q.name())
                .bind(
                        "connections",
                        Json.list(q.connections().stream()
                                .map(c -> c.value().toString())
                                .toList()))
                .bind("zone", q.zone().getId())
                .bind(
                        "slots",
                        Json.list(
                                q.slotTimes().stream().map(LocalTime::toString).toList()))
                .bind("days", Json.list(q.days().stream().map(DayOfWeek::name).toList()))
                .bind(
                        "excluded",
                        Json.list(q.excludedDates().stream()
                                .map(LocalDate::toString)
                                .toList()))
                .bind("max", q.maxPerDay())
                .bind("updated", tx.d.instant(q.updatedAt()))
                .bind("version", q.version());
    }

    private PostingQueue row(ResultSet rs) throws SQLException {
        return new PostingQueue(
                new QueueId(tx.d.uuid(rs, "id")),
                rs.getString("owner_id"),
                rs.getString("name"),
                Json.list(rs.getString("connections")).stream()
                        .map(s -> new ConnectionId(UUID.fromString(s)))
                        .toList(),
                ZoneId.of(rs.getString("timezone")),
                Json.list(rs.getString("slot_times")).stream()
                        .map(LocalTime::parse)
                        .toList(),
                Json.list(rs.getString("days")).stream()
                        .map(DayOfWeek::valueOf)
                        .collect(java.util.stream.Collectors.toSet()),
                Json.list(rs.getString("excluded_dates")).stream()
                        .map(LocalDate::parse)
                        .collect(java.util.stream.Collectors.toSet()),
                rs.getInt("max_per_day"),
                tx.d.instant(rs, "created_at"),
                tx.d.instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private RowMapper<PostingQueue> mapper() {
        return (rs, ctx) -> row(rs);
    }

    private String select() {
        return "SELECT " + Rows.columns(COLUMNS) + " FROM " + tx.t.postingQueue;
    }

    @Override
    public void insert(PostingQueue q) {
        tx.writable();
        guard(q);
        String sql = "INSERT INTO " + tx.t.postingQueue + " (" + Rows.columns(COLUMNS) + ") VALUES (:id, :owner,"
                + " :name, " + tx.d.json("connections") + ", :zone, " + tx.d.json("slots") + ", " + tx.d.json("days")
                + ", " + tx.d.json("excluded") + ", :max, :created, :updated, :version)";
        tx.sql("insert queue " + q.id(), () -> bindMutable(tx.handle.createUpdate(sql), q)
                .bind("owner", q.ownerPrincipalId())
                .bind("created", tx.d.instant(q.createdAt()))
                .execute());
    }

    @Override
    public PostingQueue update(PostingQueue q) {
        tx.writable();
        guard(q);
        PostingQueue stored =
                find(q.id()).orElseThrow(() -> new ConflictException("queue " + q.id() + " does not exist any more"));
        if (stored.version() != q.version()) {
            throw ConflictException.concurrentModification("queue", q.id());
        }
        String update = "UPDATE " + tx.t.postingQueue + " SET name = :name, connections = "
                + tx.d.json("connections") + ", timezone = :zone, slot_times = " + tx.d.json("slots") + ", days = "
                + tx.d.json("days") + ", excluded_dates = " + tx.d.json("excluded")
                + ", max_per_day = :max, updated_at = :updated, version = version + 1"
                + " WHERE id = :id AND version = :version";
        int n = tx.sql("update queue " + q.id(), () -> bindMutable(tx.handle.createUpdate(update), q)
                .execute());
        if (n == 0) {
            throw ConflictException.concurrentModification("queue", q.id());
        }
        return new PostingQueue(
                q.id(),
                stored.ownerPrincipalId(),
                q.name(),
                q.connections(),
                q.zone(),
                q.slotTimes(),
                q.days(),
                q.excludedDates(),
                q.maxPerDay(),
                stored.createdAt(),
                q.updatedAt(),
                stored.version() + 1);
    }

    @Override
    public Optional<PostingQueue> find(QueueId id) {
        tx.readable();
        return tx.first(
                "find queue " + id,
                tx.handle.createQuery(select() + " WHERE id = :id").bind("id", tx.d.uuid(id.value())),
                mapper());
    }

    @Override
    public Optional<PostingQueue> lock(QueueId id) {
        tx.readable();
        String suffix = tx.readOnly() ? "" : " FOR UPDATE";
        return tx.first(
                "lock queue " + id,
                tx.handle.createQuery(select() + " WHERE id = :id" + suffix).bind("id", tx.d.uuid(id.value())),
                mapper());
    }

    @Override
    public List<PostingQueue> list(OwnerScope owners) {
        tx.readable();
        var sql = new Sql(select() + " WHERE 1 = 1");
        sql.owners("owner_id", owners);
        sql.append(" ORDER BY name, id");
        return tx.list("list queues", sql, mapper());
    }

    @Override
    public boolean delete(QueueId id) {
        tx.writable();
        String action = "delete queue " + id;
        tx.sql(action, () -> tx.handle
                .createUpdate("DELETE FROM " + tx.t.postingQueueSlot + " WHERE queue_id = :id")
                .bind("id", tx.d.uuid(id.value()))
                .execute());
        return tx.sql(action, () -> tx.handle
                        .createUpdate("DELETE FROM " + tx.t.postingQueue + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value()))
                        .execute())
                > 0;
    }

    @Override
    public void claim(QueueId queue, Instant slot, ScheduleId schedule) {
        tx.writable();
        tx.sql("claim slot " + slot + " of queue " + queue, () -> tx.handle
                .createUpdate("INSERT INTO " + tx.t.postingQueueSlot
                        + " (queue_id, slot_at, schedule_id) VALUES (:queue, :slot, :schedule)")
                .bind("queue", tx.d.uuid(queue.value()))
                .bind("slot", tx.d.instant(slot))
                .bind("schedule", tx.d.uuid(schedule.value()))
                .execute());
    }

    @Override
    public boolean release(QueueId queue, Instant slot) {
        tx.writable();
        return tx.sql("release slot " + slot + " of queue " + queue, () -> tx.handle
                        .createUpdate(
                                "DELETE FROM " + tx.t.postingQueueSlot + " WHERE queue_id = :queue AND slot_at = :slot")
                        .bind("queue", tx.d.uuid(queue.value()))
                        .bind("slot", tx.d.instant(slot))
                        .execute())
                > 0;
    }

    @Override
    public List<QueueClaim> claims(QueueId queue, Instant from, Instant to) {
        tx.readable();
        var sql = new Sql("SELECT q.slot_at AS q_slot_at, " + Rows.aliased("s", "s_", Rows.SCHEDULE) + " FROM "
                        + tx.t.postingQueueSlot + " q JOIN " + tx.t.schedule + " s ON s.id = q.schedule_id"
                        + " WHERE q.queue_id = :queue AND q.slot_at >= :from AND q.slot_at < :to ORDER BY q.slot_at")
                .bind("queue", tx.d.uuid(queue.value()))
                .bind("from", tx.d.instant(from))
                .bind("to", tx.d.instant(to));
        return tx.list(
                "claims of queue " + queue,
                sql,
                (rs, ctx) -> new QueueClaim(queue, tx.d.instant(rs, "q_slot_at"), tx.rows.schedule(rs, "s_")));
    }
}
