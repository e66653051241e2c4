package io.luxaris.jdbc.internal;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Lease;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.storage.CalendarCriteria;
import io.luxaris.spi.storage.CalendarRow;
import io.luxaris.spi.storage.ScheduleCountCriteria;
import io.luxaris.spi.storage.ScheduleCountRow;
import io.luxaris.spi.storage.ScheduleRepository;
import io.luxaris.spi.storage.ScheduleStatusRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Schedules as entities; the engine's operations are in {@link QueueRepo}. */
final class ScheduleRepo implements ScheduleRepository {
    /** Every column but id, attempt_count, lease and version, as {@code column = :param}. */
    static final String SET_CONTENT = "post_id = :post, variant_id = :variant, channel_id = :channel,"
            + " connection_id = :connection, run_at = :runAt, timezone = :timezone, status = :status,"
            + " next_attempt_at = :nextAttempt, last_attempt_at = :lastAttempt, error_code = :errorCode,"
            + " error_message = :errorMessage, external_post_id = :externalId, external_url = :externalUrl,"
            + " checkpoint = %s, created_at = :created, updated_at = :updated";

    private final JdbcTransaction tx;

    ScheduleRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    static void guard(Schedule s) {
        Guard.of("schedule")
                .text("timezone", s.timezone().getId(), Columns.TIMEZONE)
                .text("errorCode", s.errorCode(), Columns.ERROR_CODE)
                .text("errorMessage", s.errorMessage(), Columns.ERROR_MESSAGE)
                .text("externalPostId", s.externalPostId(), Columns.EXTERNAL_REF)
                .text("externalUrl", s.externalUrl(), Columns.EXTERNAL_REF)
                .text("lease.owner", s.lease().map(Lease::owner), Columns.LEASE_OWNER)
                .check();
    }

    /** Binds the parameters of {@link #SET_CONTENT} plus {@code :id}. */
    static <S extends SqlStatement<S>> S bindContent(S st, SqlDialect d, Schedule s) {
        return st.bind("id", d.uuid(s.id().value()))
                .bind("post", d.uuid(s.postId().value()))
                .bind("variant", d.uuid(s.variantId().value()))
                .bind("channel", d.uuid(s.channelId().value()))
                .bind("connection", d.uuid(s.connectionId().value()))
                .bind("runAt", d.instant(s.runAt()))
                .bind("timezone", s.timezone().getId())
                .bind("status", s.status().wireName())
                .bind("nextAttempt", d.instant(s.nextAttemptAt()))
                .bind("lastAttempt", d.instant(s.lastAttemptAt()))
                .bind("errorCode", s.errorCode().orElse(null))
                .bind("errorMessage", s.errorMessage().orElse(null))
                .bind("externalId", s.externalPostId().orElse(null))
                .bind("externalUrl", s.externalUrl().orElse(null))
                .bind("checkpoint", Json.map(s.checkpoint()))
                .bind("created", d.instant(s.createdAt()))
                .bind("updated", d.instant(s.updatedAt()));
    }

    private <S extends SqlStatement<S>> S bindLease(S st, Schedule s) {
        var link = s.followUpOf();
        return st.bind("fuRoot", tx.d.uuid(link.map(l -> l.root().value())))
                .bind("fuParent", tx.d.uuid(link.map(l -> l.parent().value())))
                .bind("fuIndex", link.map(l -> l.index()).orElse(null))
                .bind("attempts", s.attemptCount())
                .bind("leaseOwner", s.lease().map(Lease::owner).orElse(null))
                .bind("leaseExpires", tx.d.instant(s.lease().map(Lease::expiresAt)))
                .bind("version", s.version());
    }

    @Override
    public void insert(Schedule s) {
        tx.writable();
        guard(s);
        tx.sql("insert schedule " + s.id(), () -> bindLease(
                        bindContent(tx.handle.createUpdate(insertSql()), tx.d, s), s)
                .execute());
    }

    /** One batched statement for all of them (the JDBC driver may send it in one round trip). */
    @Override
    public void insertAll(List<Schedule> schedules) {
        tx.writable();
        if (schedules.isEmpty()) {
            return;
        }
        schedules.forEach(ScheduleRepo::guard);
        tx.sql("insert " + schedules.size() + " schedule(s)", () -> {
            PreparedBatch batch = tx.handle.prepareBatch(insertSql());
            for (Schedule s : schedules) {
                bindLease(bindContent(batch, tx.d, s), s).add();
            }
            return batch.execute();
        });
    }

    private String insertSql() {
        return "INSERT INTO " + tx.t.schedule + " (" + Rows.columns(Rows.SCHEDULE) + ") VALUES (:id, :post,"
                + " :variant, :channel, :connection, :runAt, :timezone, :status, :attempts, :nextAttempt,"
                + " :lastAttempt, :errorCode, :errorMessage, :externalId, :externalUrl, :leaseOwner, :leaseExpires, "
                + tx.d.json("checkpoint") + ", :created, :updated, :version, :fuRoot, :fuParent, :fuIndex)";
    }

    /** One GROUP BY query over the run-time index, joined to the posts for the owner scope. */
    @Override
    public List<ScheduleCountRow> counts(ScheduleCountCriteria c) {
        tx.readable();
        var groups = new java.util.ArrayList<String>();
        if (c.byStatus()) {
            groups.add("s.status");
        }
        if (c.byChannel()) {
            groups.add("s.channel_id");
        }
        if (c.byConnection()) {
            groups.add("s.connection_id");
        }
        String select = groups.isEmpty() ? "" : String.join(", ", groups) + ", ";
        var sql = new Sql("SELECT " + select + "COUNT(*) AS n FROM " + tx.t.schedule + " s JOIN " + tx.t.post
                        + " p ON p.id = s.post_id WHERE s.run_at >= :from AND s.run_at < :to"
                        + " AND s.follow_up_index IS NULL")
                .bind("from", tx.d.instant(c.from()))
                .bind("to", tx.d.instant(c.to()));
        sql.owners("p.owner_id", c.owners());
        if (!groups.isEmpty()) {
            sql.append(" GROUP BY " + String.join(", ", groups));
        }
        return tx
                .list(
                        "count schedules",
                        sql,
                        (rs, ctx) -> new ScheduleCountRow(
                                c.byStatus()
                                        ? Optional.of(ScheduleStatus.fromWireName(rs.getString("status")))
                                        : Optional.empty(),
                                c.byChannel()
                                        ? Optional.of(new ChannelId(tx.d.uuid(rs, "channel_id")))
                                        : Optional.empty(),
                                c.byConnection()
                                        ? Optional.of(new ConnectionId(tx.d.uuid(rs, "connection_id")))
                                        : Optional.empty(),
                                rs.getLong("n")))
                .stream()
                .filter(r -> r.count() > 0)
                .toList();
    }

    @Override
    public Schedule update(Schedule s) {
        tx.writable();
        guard(s);
        String update = "UPDATE " + tx.t.schedule + " SET " + SET_CONTENT.formatted(tx.d.json("checkpoint"))
                + ", attempt_count = :attempts, lease_owner = :leaseOwner, lease_expires_at = :leaseExpires,"
                + " version = version + 1 WHERE id = :id AND version = :version";
        String action = "update schedule " + s.id();
        if (tx.d.is(Dialect.POSTGRESQL)) {
            return tx.first(
                            action,
                            bindLease(
                                    bindContent(
                                            tx.handle.createQuery(update + " RETURNING " + Rows.columns(Rows.SCHEDULE)),
                                            tx.d,
                                            s),
                                    s),
                            tx.rows.schedule(""))
                    .orElseThrow(() -> tx.staleOrMissing(tx.t.schedule, "schedule", s.id(), s.id().value()));
        }
        int n = tx.sql(action, () -> bindLease(bindContent(tx.handle.createUpdate(update), tx.d, s), s)
                .execute());
        if (n == 0) {
            throw tx.staleOrMissing(tx.t.schedule, "schedule", s.id(), s.id().value());
        }
        return s.toBuilder().version(s.version() + 1).build();
    }

    @Override
    public Optional<Schedule> find(ScheduleId id) {
        tx.readable();
        return tx.first(
                "find schedule " + id,
                tx.handle
                        .createQuery(
                                "SELECT " + Rows.columns(Rows.SCHEDULE) + " FROM " + tx.t.schedule + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value())),
                tx.rows.schedule(""));
    }

    @Override
    public List<Schedule> listByPost(PostId post) {
        tx.readable();
        // PostgreSQL keeps no index on the schedules' post (see migration 9): through the post's variants there
        String where = tx.d.is(Dialect.POSTGRESQL)
                ? "variant_id IN (SELECT id FROM " + tx.t.variant + " WHERE post_id = :value)"
                : "post_id = :value";
        return by(where, tx.d.uuid(post.value()), "list schedules of post " + post);
    }

    @Override
    public List<Schedule> listByPosts(Collection<PostId> posts) {
        tx.readable();
        return byPosts(
                "list schedules of " + posts.size() + " post(s)",
                Rows.columns(Rows.SCHEDULE),
                posts,
                tx.rows.schedule(""));
    }

    /** The five columns a post's status is derived from, not the schedules whole (read after every outcome batch). */
    @Override
    public List<ScheduleStatusRow> statusesByPosts(Collection<PostId> posts) {
        tx.readable();
        return byPosts(
                "read the schedule statuses of " + posts.size() + " post(s)",
                "post_id, variant_id, connection_id, status, follow_up_root",
                posts,
                (rs, ctx) -> new ScheduleStatusRow(
                        new PostId(tx.d.uuid(rs, "post_id")),
                        new VariantId(tx.d.uuid(rs, "variant_id")),
                        new ConnectionId(tx.d.uuid(rs, "connection_id")),
                        ScheduleStatus.fromWireName(rs.getString("status")),
                        tx.d.optionalUuid(rs, "follow_up_root") != null));
    }

    /**
     * The {@code columns} of these posts' schedules, in no particular order (PostgreSQL keeps no index on the
     * schedules' post: through the posts' variants there).
     */
    private <T> List<T> byPosts(String action, String columns, Collection<PostId> posts, RowMapper<T> mapper) {
        if (posts.isEmpty()) {
            return List.of();
        }
        boolean postgres = tx.d.is(Dialect.POSTGRESQL);
        return tx.listIn(
                action,
                "SELECT " + columns + " FROM " + tx.t.schedule
                        + (postgres
                                ? " WHERE variant_id IN (SELECT id FROM " + tx.t.variant + " WHERE post_id IN "
                                : " WHERE post_id IN "),
                posts.stream().map(PostId::value).toList(),
                postgres ? ")" : "",
                mapper);
    }

    @Override
    public List<Schedule> listByVariant(VariantId variant) {
        tx.readable();
        return by("variant_id = :value", tx.d.uuid(variant.value()), "list schedules of variant " + variant);
    }

    /** The schedules matching {@code where} (which names {@code :value}), in run order. */
    private List<Schedule> by(String where, Argument value, String action) {
        return tx.list(
                action,
                new Sql("SELECT " + Rows.columns(Rows.SCHEDULE) + " FROM " + tx.t.schedule + " WHERE " + where
                                + " ORDER BY run_at, id")
                        .bind("value", value),
                tx.rows.schedule(""));
    }

    @Override
    public List<Schedule> listActiveByConnection(ConnectionId connection, Instant from, Instant to) {
        tx.readable();
        return tx.list(
                "list active schedules of connection " + connection,
                new Sql(
                                "SELECT " + Rows.columns(Rows.SCHEDULE) + " FROM " + tx.t.schedule
                                        + " WHERE connection_id = :connection AND run_at >= :from AND run_at < :to"
                                        + " AND status IN ('pending', 'queued', 'processing', 'awaiting_approval') ORDER BY run_at, id")
                        .bind("connection", tx.d.uuid(connection.value()))
                        .bind("from", tx.d.instant(from))
                        .bind("to", tx.d.instant(to)),
                tx.rows.schedule(""));
    }

    @Override
    public List<CalendarRow> calendar(CalendarCriteria c) {
        tx.readable();
        var sql = new Sql("SELECT " + Rows.aliased("s", "s_", Rows.SCHEDULE) + ", "
                        + Rows.aliased("p", "p_", Rows.POST) + ", " + Rows.aliased("v", "v_", Rows.VARIANT) + ", "
                        + Rows.aliased("c", "c_", Rows.CONNECTION) + " FROM " + tx.t.schedule + " s JOIN " + tx.t.post
                        + " p ON p.id = s.post_id JOIN " + tx.t.variant + " v ON v.id = s.variant_id JOIN "
                        + tx.t.connection + " c ON c.id = s.connection_id"
                        + " WHERE s.run_at >= :from AND s.run_at < :to AND s.follow_up_index IS NULL")
                .bind("from", tx.d.instant(c.from()))
                .bind("to", tx.d.instant(c.to()));
        c.after().ifPresent(after -> sql.append(
                        " AND (s.run_at > :afterAt OR (s.run_at = :afterAt AND s.id > :afterId))")
                .bind("afterAt", tx.d.instant(after.at()))
                .bind("afterId", tx.d.uuid(after.id())));
        sql.owners("p.owner_id", c.owners());
        if (!c.channels().isEmpty()) {
            sql.append(" AND s.channel_id IN ")
                    .in(
                            "channel",
                            c.channels().stream()
                                    .map(ChannelId::value)
                                    .sorted()
                                    .map(tx.d::uuid)
                                    .toList());
        }
        if (!c.connections().isEmpty()) {
            sql.append(" AND s.connection_id IN ")
                    .in(
                            "connection",
                            c.connections().stream()
                                    .map(ConnectionId::value)
                                    .sorted()
                                    .map(tx.d::uuid)
                                    .toList());
        }
        if (!c.scheduleStatuses().isEmpty()) {
            sql.append(" AND s.status IN ")
                    .inStrings(
                            "scheduleStatus",
                            c.scheduleStatuses().stream()
                                    .map(ScheduleStatus::wireName)
                                    .sorted()
                                    .toList());
        }
        if (!c.postStatuses().isEmpty()) {
            sql.append(" AND p.status IN ")
                    .inStrings(
                            "postStatus",
                            c.postStatuses().stream()
                                    .map(PostStatus::wireName)
                                    .sorted()
                                    .toList());
        }
        c.tag().ifPresent(tag -> sql.append(
                        " AND EXISTS (SELECT 1 FROM " + tx.t.postTag + " g WHERE g.post_id = p.id AND g.tag = :tag)")
                .bind("tag", tag));
        sql.append(" ORDER BY s.run_at, s.id LIMIT :limit").bind("limit", c.limit());
        return tx.list(
                "calendar query",
                sql,
                (rs, ctx) -> new CalendarRow(
                        tx.rows.schedule(rs, "s_"),
                        tx.rows.post(rs, "p_"),
                        tx.rows.variant(rs, "v_"),
                        tx.rows.connection(rs, "c_")));
    }
}
