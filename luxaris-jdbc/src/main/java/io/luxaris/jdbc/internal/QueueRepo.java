package io.luxaris.jdbc.internal;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Lease;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.storage.Backlog;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Completion;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.ReapResult;
import io.luxaris.spi.storage.ScheduleQueue;
import java.sql.Array;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * The engine's queue on SQL, every transition fenced, "now" always the database clock.
 *
 * <ul>
 *   <li>PostgreSQL: claiming and reaping are one statement each, {@code UPDATE ... WHERE id = ANY(ARRAY(SELECT
 *       ... FOR UPDATE SKIP LOCKED LIMIT n)) RETURNING}, driven by partial indexes on pending and leased schedules.
 *       ({@code ARRAY(...)} makes the locking subquery run exactly once; a plain {@code IN (SELECT ...)} may be
 *       rescanned by the plan and then locks and returns more than n rows.)
 *   <li>MariaDB/MySQL: {@code SELECT ... FOR UPDATE SKIP LOCKED} (at READ COMMITTED), then one batch of updates.
 *   <li>H2: optimistic: select the candidates without locks, then conditional updates on (id, version); a
 *       candidate someone else took first is simply not returned (H2's SKIP LOCKED with ORDER BY would lock every
 *       matching row).
 * </ul>
 */
final class QueueRepo implements ScheduleQueue {
    static final String LEASE_EXPIRED_CODE = "lease_expired";
    static final String LEASE_EXPIRED_MESSAGE = "the engine publishing it stopped answering; the outcome is unknown";
    private static final int OPTIMISTIC_ROUNDS = 5;

    private final JdbcTransaction tx;
    /** PostgreSQL's now() is the transaction's start: read once per transaction. */
    private @Nullable Instant transactionStart;

    QueueRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    private String cols() {
        return Rows.columns(Rows.SCHEDULE);
    }

    @Override
    public Instant now() {
        tx.readable();
        if (transactionStart != null) {
            return transactionStart;
        }
        Instant now = tx.sql("read the database clock", () -> tx.handle
                .createQuery("SELECT " + tx.d.now() + " AS db_now")
                .map((rs, ctx) -> tx.d.instant(rs, "db_now"))
                .one());
        if (tx.d.is(Dialect.POSTGRESQL)) {
            transactionStart = now;
        }
        return now;
    }

    // ------------------------------------------------------------------ claim

    @Override
    public List<Schedule> claim(ClaimRequest r) {
        tx.writable();
        Guard.of("claim").text("owner", r.owner(), Columns.LEASE_OWNER).check();
        if (r.channels().isEmpty()) {
            return List.of();
        }
        return tx.d.is(Dialect.POSTGRESQL) ? claimPostgres(r) : claimBySelect(r);
    }

    private List<Schedule> claimPostgres(ClaimRequest r) {
        String s = tx.t.schedule;
        // schedules of the start channels go straight to processing (no second update of the row when they start)
        String status = r.startChannels().isEmpty()
                ? " SET status = 'queued',"
                : " SET status = CASE WHEN channel_id = ANY(:start) THEN 'processing' ELSE 'queued' END,"
                        + " last_attempt_at = CASE WHEN channel_id = ANY(:start) THEN now() ELSE last_attempt_at END,";
        String sql = "WITH claimed AS (UPDATE " + s + status + " attempt_count = attempt_count + 1,"
                + " lease_owner = :owner, lease_expires_at = now() + :leaseMicros * interval '1 microsecond',"
                + " updated_at = now(), version = version + 1"
                + " WHERE status = 'pending' AND id = ANY(ARRAY(SELECT id FROM " + s
                + " WHERE status = 'pending' AND next_attempt_at <= now()"
                + " AND channel_id = ANY(:channels) AND NOT (connection_id = ANY(:excluded))"
                + " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED))"
                + " RETURNING " + cols() + ") SELECT " + cols() + " FROM claimed ORDER BY next_attempt_at, id";
        return tx.sql("claim schedules", () -> {
            var query = tx.handle.createQuery(sql);
            if (!r.startChannels().isEmpty()) {
                query.bind("start", uuidArray(r.startChannels().stream().map(ChannelId::value)));
            }
            return query.bind("owner", r.owner())
                    .bind("leaseMicros", r.leaseDuration().toNanos() / 1_000)
                    .bind("channels", uuidArray(r.channels().stream().map(ChannelId::value)))
                    .bind("excluded", uuidArray(r.excludedConnections().stream().map(ConnectionId::value)))
                    .bind("limit", r.limit())
                    .map(tx.rows.schedule(""))
                    .list();
        });
    }

    private static Argument uuidArray(java.util.stream.Stream<UUID> ids) {
        Object[] values = ids.sorted().toArray();
        return (i, ps, ctx) -> {
            Array array = ps.getConnection().createArrayOf("uuid", values);
            ps.setArray(i, array);
        };
    }

    /** A schedule read together with the database clock. */
    private record Candidate(Schedule schedule, Instant now) {}

    private List<Schedule> claimBySelect(ClaimRequest r) {
        for (int round = 0; round < OPTIMISTIC_ROUNDS; round++) {
            var sql = new Sql("SELECT " + cols() + ", " + tx.d.now() + " AS db_now FROM " + tx.t.schedule
                    + " WHERE status = 'pending' AND next_attempt_at <= " + tx.d.now() + " AND channel_id IN ");
            sql.in(
                    "channel",
                    r.channels().stream()
                            .map(ChannelId::value)
                            .sorted()
                            .map(tx.d::uuid)
                            .toList());
            if (!r.excludedConnections().isEmpty()) {
                sql.append(" AND connection_id NOT IN ")
                        .in(
                                "excluded",
                                r.excludedConnections().stream()
                                        .map(ConnectionId::value)
                                        .sorted()
                                        .map(tx.d::uuid)
                                        .toList());
            }
            sql.append(" ORDER BY next_attempt_at, id LIMIT :limit" + tx.d.skipLocked())
                    .bind("limit", r.limit());
            List<Candidate> candidates = candidates("claim schedules", sql);
            if (candidates.isEmpty()) {
                return List.of();
            }
            Instant now = candidates.get(0).now();
            Instant expires = now.plus(r.leaseDuration()).truncatedTo(ChronoUnit.MICROS);
            var next = new ArrayList<Schedule>(candidates.size());
            for (Candidate c : candidates) {
                next.add(r.claimed(c.schedule(), now, expires));
            }
            List<Schedule> claimed = applyConditionally(
                    "claim schedules",
                    ", attempt_count = attempt_count + 1",
                    " AND status = 'pending'",
                    candidates,
                    next);
            if (!claimed.isEmpty() || tx.d.is(Dialect.MARIADB)) {
                return claimed;
            }
            // every candidate was taken by a concurrent claim: look again
        }
        return List.of();
    }

    private List<Candidate> candidates(String action, Sql sql) {
        return tx.list(action, sql, (rs, ctx) -> new Candidate(tx.rows.schedule(rs, ""), tx.d.instant(rs, "db_now")));
    }

    /**
     * Updates each candidate to its {@code next} state (status, lease, error, last attempt, updated_at; plus {@code
     * extraSet}) if its version is still the one read; returns the next states of those that changed.
     */
    private List<Schedule> applyConditionally(
            String action, String extraSet, String condition, List<Candidate> candidates, List<Schedule> next) {
        String sql = "UPDATE " + tx.t.schedule + " SET status = :status, lease_owner = :leaseOwner,"
                + " lease_expires_at = :leaseExpires, error_code = :errorCode, error_message = :errorMessage,"
                + " last_attempt_at = :lastAttempt, updated_at = :updated" + extraSet + ", version = version + 1"
                + " WHERE id = :id AND version = :version" + condition;
        int[] counts = tx.sql(action, () -> {
            PreparedBatch batch = tx.handle.prepareBatch(sql);
            for (int i = 0; i < candidates.size(); i++) {
                Schedule before = candidates.get(i).schedule();
                Schedule after = next.get(i);
                batch.bind("id", tx.d.uuid(before.id().value()))
                        .bind("version", before.version())
                        .bind("leaseOwner", after.lease().map(Lease::owner).orElse(null))
                        .bind("leaseExpires", tx.d.instant(after.lease().map(Lease::expiresAt)))
                        .bind("status", after.status().wireName())
                        .bind("errorCode", after.errorCode().orElse(null))
                        .bind("errorMessage", after.errorMessage().orElse(null))
                        .bind("lastAttempt", tx.d.instant(after.lastAttemptAt()))
                        .bind("updated", tx.d.instant(after.updatedAt()))
                        .add();
            }
            return batch.execute();
        });
        var changed = new ArrayList<Schedule>(next.size());
        for (int i = 0; i < counts.length; i++) {
            // MariaDB may report SUCCESS_NO_INFO for batched statements; its candidates are locked by us
            if (counts[i] == 1 || (counts[i] == Statement.SUCCESS_NO_INFO && tx.d.is(Dialect.MARIADB))) {
                changed.add(next.get(i));
            }
        }
        return changed;
    }

    // ------------------------------------------------------------------ fenced transitions

    @Override
    public List<ScheduleId> markProcessing(Collection<Fence> fences) {
        tx.writable();
        if (fences.isEmpty()) {
            return List.of();
        }
        List<Fence> list = List.copyOf(fences);
        if (tx.d.is(Dialect.POSTGRESQL)) {
            return markProcessingPostgres(list);
        }
        String now = tx.d.now();
        String sql = "UPDATE " + tx.t.schedule + " SET status = 'processing', last_attempt_at = " + now
                + ", updated_at = " + now + ", version = version + 1 WHERE id = :id AND attempt_count = :attempt"
                + " AND lease_owner = :owner AND status = 'queued' AND lease_expires_at > " + now;
        int[] counts = fencedBatch("start " + list.size() + " schedule(s)", sql, list);
        var moved = new ArrayList<ScheduleId>();
        var unknown = new ArrayList<Fence>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                moved.add(list.get(i).id());
            } else if (counts[i] == Statement.SUCCESS_NO_INFO) {
                unknown.add(list.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            // the driver did not say which rows changed: ask the rows
            Set<ScheduleId> processing = new HashSet<>();
            for (Fence f : unknown) {
                find(f.id())
                        .filter(s -> s.status() == ScheduleStatus.PROCESSING && holds(s, f))
                        .ifPresent(s -> processing.add(s.id()));
            }
            moved.clear();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1 || processing.contains(list.get(i).id())) {
                    moved.add(list.get(i).id());
                }
            }
        }
        return moved;
    }

    /** One statement for the whole batch: the fences as a table, the ids that moved returned. */
    private List<ScheduleId> markProcessingPostgres(List<Fence> list) {
        PgColumns<Fence> rows = fenceColumns(list);
        // The fence conditions sit in a CASE, which the planner cannot use to choose an index: it finds the rows by
        // primary key. With them visible it scanned the lease index, which holds an entry for every claim of the
        // last lease duration (dead ones too, until vacuum) and cost ~70 us per schedule at 3,000 schedules/s.
        String sql = "UPDATE " + tx.t.schedule + " s SET status = 'processing', last_attempt_at = now(),"
                + " updated_at = now(), version = s.version + 1 WHERE s.id = ANY(CAST(:id AS uuid[]))"
                + " AND CASE WHEN s.status = 'queued' AND s.lease_expires_at > now() THEN EXISTS (SELECT 1 FROM "
                + rows.from("f") + " WHERE f.id = s.id AND f.attempt = s.attempt_count AND f.owner = s.lease_owner)"
                + " ELSE false END RETURNING s.id";
        Set<UUID> moved = rows.returningIds(tx, "start " + list.size() + " schedule(s)", sql);
        var ids = new ArrayList<ScheduleId>(moved.size());
        for (Fence f : list) {
            if (moved.remove(f.id().value())) {
                ids.add(f.id());
            }
        }
        return ids;
    }

    private static PgColumns<Fence> fenceColumns(List<Fence> list) {
        return PgColumns.of(list)
                .uuid("id", f -> f.id().value())
                .integer("attempt", f -> (long) f.attempt())
                .text("owner", Fence::owner);
    }

    private static boolean holds(Schedule s, Fence f) {
        return s.attemptCount() == f.attempt()
                && s.lease().isPresent()
                && s.lease().get().owner().equals(f.owner());
    }

    private int[] fencedBatch(String action, String sql, List<Fence> fences) {
        return tx.sql(action, () -> {
            PreparedBatch batch = tx.handle.prepareBatch(sql);
            for (Fence f : fences) {
                batch.bind("id", tx.d.uuid(f.id().value()))
                        .bind("attempt", f.attempt())
                        .bind("owner", f.owner())
                        .add();
            }
            return batch.execute();
        });
    }

    private Optional<Schedule> find(ScheduleId id) {
        return tx.schedules().find(id);
    }

    @Override
    public boolean complete(Fence fence, Schedule outcome) {
        tx.writable();
        ScheduleRepo.guard(outcome);
        String sql = completeSql();
        int n = tx.sql("complete schedule " + fence.id(), () -> ScheduleRepo.bindContent(
                        tx.handle.createUpdate(sql), tx.d, outcome)
                .bind("id", tx.d.uuid(fence.id().value()))
                .bind("attempt", fence.attempt())
                .bind("owner", fence.owner())
                .execute());
        return n == 1;
    }

    @Override
    public boolean[] completeAll(List<Completion> completions) {
        tx.writable();
        boolean[] written = new boolean[completions.size()];
        if (completions.isEmpty()) {
            return written;
        }
        if (tx.d.is(Dialect.MARIADB)) {
            // MariaDB's bulk protocol answers SUCCESS_NO_INFO for every row of a batch: one statement each instead
            return ScheduleQueue.super.completeAll(completions);
        }
        completions.forEach(c -> ScheduleRepo.guard(c.outcome()));
        if (tx.d.is(Dialect.POSTGRESQL)) {
            return completeAllPostgres(completions);
        }
        String sql = completeSql();
        int[] counts = tx.sql("complete " + completions.size() + " schedule(s)", () -> {
            PreparedBatch batch = tx.handle.prepareBatch(sql);
            for (Completion c : completions) {
                ScheduleRepo.bindContent(batch, tx.d, c.outcome())
                        .bind("id", tx.d.uuid(c.fence().id().value()))
                        .bind("attempt", c.fence().attempt())
                        .bind("owner", c.fence().owner())
                        .add();
            }
            return batch.execute();
        });
        for (int i = 0; i < written.length; i++) {
            // PostgreSQL and H2 count the rows of each batched statement (MariaDB went one by one above)
            written[i] = counts[i] == 1;
        }
        return written;
    }

    /**
     * One statement for the whole batch: the outcomes as a table (each with its fence), the ids written returned.
     * A schedule listed twice is written once: its first completion counts.
     */
    private boolean[] completeAllPostgres(List<Completion> completions) {
        PgColumns<Completion> rows = PgColumns.of(completions)
                .uuid("id", c -> c.fence().id().value())
                .integer("attempt", c -> (long) c.fence().attempt())
                .text("owner", c -> c.fence().owner())
                .uuid("post", c -> c.outcome().postId().value())
                .uuid("variant", c -> c.outcome().variantId().value())
                .uuid("channel", c -> c.outcome().channelId().value())
                .uuid("connection", c -> c.outcome().connectionId().value())
                .instant("run_at", c -> Optional.of(c.outcome().runAt()))
                .text("timezone", c -> c.outcome().timezone().getId())
                .text("status", c -> c.outcome().status().wireName())
                .instant("next_attempt", c -> Optional.of(c.outcome().nextAttemptAt()))
                .instant("last_attempt", c -> c.outcome().lastAttemptAt())
                .text("error_code", c -> c.outcome().errorCode().orElse(null))
                .text("error_message", c -> c.outcome().errorMessage().orElse(null))
                .text("external_id", c -> c.outcome().externalPostId().orElse(null))
                .text("external_url", c -> c.outcome().externalUrl().orElse(null))
                .column("checkpoint", "jsonb", c -> Json.map(c.outcome().checkpoint()))
                .instant("created", c -> Optional.of(c.outcome().createdAt()))
                .instant("updated", c -> Optional.of(c.outcome().updatedAt()));
        String sql = "UPDATE " + tx.t.schedule + " s SET post_id = f.post, variant_id = f.variant,"
                + " channel_id = f.channel, connection_id = f.connection, run_at = f.run_at, timezone = f.timezone,"
                + " status = f.status, next_attempt_at = f.next_attempt, last_attempt_at = f.last_attempt,"
                + " error_code = f.error_code, error_message = f.error_message, external_post_id = f.external_id,"
                + " external_url = f.external_url, checkpoint = f.checkpoint, created_at = f.created,"
                + " updated_at = f.updated, lease_owner = NULL, lease_expires_at = NULL, version = s.version + 1"
                + " FROM " + rows.from("f")
                + " WHERE s.id = f.id AND s.attempt_count = f.attempt AND s.lease_owner = f.owner"
                + " AND s.status IN ('queued', 'processing', 'unconfirmed') RETURNING s.id";
        Set<UUID> done = rows.returningIds(tx, "complete " + completions.size() + " schedule(s)", sql);
        boolean[] written = new boolean[completions.size()];
        for (int i = 0; i < written.length; i++) {
            written[i] = done.remove(completions.get(i).fence().id().value());
        }
        return written;
    }

    /** The fenced completion of one attempt: written only while the fence (attempt, lease owner) holds. */
    private String completeSql() {
        return "UPDATE " + tx.t.schedule + " SET "
                + ScheduleRepo.SET_CONTENT.formatted(tx.d.json("checkpoint"))
                + ", lease_owner = NULL, lease_expires_at = NULL, version = version + 1"
                + " WHERE id = :id AND attempt_count = :attempt AND lease_owner = :owner"
                + " AND status IN ('queued', 'processing', 'unconfirmed')";
    }

    @Override
    public int heartbeat(String owner, Collection<ScheduleId> held, Instant leaseExpiresAt) {
        tx.writable();
        if (held.isEmpty()) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>(held.size());
        held.forEach(id -> ids.add(id.value()));
        // Rows another transaction holds (the writer completing them, a release) are skipped, not waited for: a
        // heartbeat waiting on them while that writer waits on a row the heartbeat locked first is a deadlock (the
        // database then aborts one of the two). A skipped row is being written now; the next heartbeat extends it if
        // it is still held, long before its lease runs out.
        return tx.updateUnlocked(
                "extend " + ids.size() + " lease(s) of " + owner,
                tx.t.schedule,
                "lease_expires_at = CASE WHEN lease_expires_at < :at THEN :at ELSE lease_expires_at END",
                ids,
                " AND lease_owner = :owner AND status IN ('queued', 'processing')",
                sql -> sql.bind("owner", owner),
                sql -> sql.bind("at", tx.d.instant(leaseExpiresAt)));
    }

    @Override
    public List<Schedule> release(Collection<Fence> fences) {
        tx.writable();
        if (fences.isEmpty()) {
            return List.of();
        }
        List<Fence> list = List.copyOf(fences);
        String now = tx.d.now();
        String sql = "UPDATE " + tx.t.schedule + " SET status = 'pending', lease_owner = NULL,"
                + " lease_expires_at = NULL, updated_at = " + now + ", version = version + 1"
                + " WHERE id = :id AND attempt_count = :attempt AND lease_owner = :owner"
                + " AND status IN ('queued', 'processing')";
        int[] counts = fencedBatch("release " + list.size() + " schedule(s)", sql, list);
        var released = new ArrayList<Schedule>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                Fence f = list.get(i);
                find(f.id())
                        .filter(s -> s.status() == ScheduleStatus.PENDING && s.attemptCount() == f.attempt())
                        .ifPresent(released::add);
            }
        }
        return released;
    }

    // ------------------------------------------------------------------ reap

    @Override
    public ReapResult reap(int limit) {
        tx.writable();
        if (limit < 1) {
            return new ReapResult(List.of(), List.of());
        }
        List<Schedule> reaped = tx.d.is(Dialect.POSTGRESQL) ? reapPostgres(limit) : reapBySelect(limit);
        var requeued = new ArrayList<Schedule>();
        var unconfirmed = new ArrayList<Schedule>();
        for (Schedule s : reaped) {
            (s.status() == ScheduleStatus.PENDING ? requeued : unconfirmed).add(s);
        }
        return new ReapResult(requeued, unconfirmed);
    }

    private List<Schedule> reapPostgres(int limit) {
        String s = tx.t.schedule;
        String queued = "status = 'queued'";
        String sql = "WITH reaped AS (UPDATE " + s + " SET"
                + " status = CASE WHEN " + queued + " THEN 'pending' ELSE 'unconfirmed' END,"
                + " lease_owner = CASE WHEN " + queued + " THEN NULL ELSE lease_owner END,"
                + " lease_expires_at = CASE WHEN " + queued + " THEN NULL ELSE lease_expires_at END,"
                + " error_code = CASE WHEN " + queued + " THEN error_code ELSE :code END,"
                + " error_message = CASE WHEN " + queued + " THEN error_message ELSE :message END,"
                + " updated_at = now(), version = version + 1"
                + " WHERE status IN ('queued', 'processing') AND lease_expires_at < now() AND id = ANY(ARRAY(SELECT id FROM "
                + s + " WHERE status IN ('queued', 'processing') AND lease_expires_at < now()"
                + " ORDER BY lease_expires_at, id LIMIT :limit FOR UPDATE SKIP LOCKED))"
                + " RETURNING " + cols() + ") SELECT " + cols() + " FROM reaped ORDER BY id";
        return tx.sql("reap expired leases", () -> tx.handle
                .createQuery(sql)
                .bind("code", LEASE_EXPIRED_CODE)
                .bind("message", LEASE_EXPIRED_MESSAGE)
                .bind("limit", limit)
                .map(tx.rows.schedule(""))
                .list());
    }

    private List<Schedule> reapBySelect(int limit) {
        String now = tx.d.now();
        var sql = new Sql("SELECT " + cols() + ", " + now + " AS db_now FROM " + tx.t.schedule
                        + " WHERE status IN ('queued', 'processing') AND lease_expires_at < " + now
                        + " ORDER BY lease_expires_at, id LIMIT :limit" + tx.d.skipLocked())
                .bind("limit", limit);
        List<Candidate> candidates = candidates("reap expired leases", sql);
        if (candidates.isEmpty()) {
            return List.of();
        }
        var next = new ArrayList<Schedule>(candidates.size());
        for (Candidate c : candidates) {
            Schedule s = c.schedule();
            Schedule.Builder b = s.toBuilder().updatedAt(c.now()).version(s.version() + 1);
            if (s.status() == ScheduleStatus.QUEUED) {
                b.status(ScheduleStatus.PENDING).lease(Optional.empty());
            } else {
                b.status(ScheduleStatus.UNCONFIRMED)
                        .error(Optional.of(LEASE_EXPIRED_CODE), Optional.of(LEASE_EXPIRED_MESSAGE));
            }
            next.add(b.build());
        }
        return applyConditionally(
                "reap expired leases", "", " AND status IN ('queued', 'processing')", candidates, next);
    }

    // ------------------------------------------------------------------ due work

    @Override
    public Optional<Instant> nextDue(Set<ChannelId> channels) {
        tx.readable();
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        var sql = new Sql(
                "SELECT next_attempt_at FROM " + tx.t.schedule + " WHERE status = 'pending'" + " AND channel_id IN ");
        sql.in(
                "channel",
                channels.stream().map(ChannelId::value).sorted().map(tx.d::uuid).toList());
        sql.append(" ORDER BY next_attempt_at LIMIT 1");
        return tx.list("find the next due schedule", sql, (rs, ctx) -> tx.d.instant(rs, "next_attempt_at")).stream()
                .findFirst();
    }

    /**
     * One statement of three subqueries, all at the same database "now": the due count and the earliest due
     * attempt run on the claim index (partial on PostgreSQL, led by the status elsewhere); the unconfirmed count
     * uses the status-led claim index on H2 and MariaDB and scans the schedules on PostgreSQL (no index there
     * covers unconfirmed rows).
     */
    @Override
    public Backlog backlog(Set<ChannelId> channels) {
        tx.readable();
        if (channels.isEmpty()) {
            return new Backlog(0, Optional.empty(), 0, now());
        }
        List<Argument> ids =
                channels.stream().map(ChannelId::value).sorted().map(tx.d::uuid).toList();
        String now = tx.d.now();
        String due = " FROM " + tx.t.schedule + " WHERE status = 'pending' AND next_attempt_at <= " + now
                + " AND channel_id IN ";
        var sql = new Sql("SELECT (SELECT COUNT(*)" + due)
                .in("c", ids)
                .append(") AS due_count, (SELECT MIN(next_attempt_at)" + due)
                .in("m", ids)
                .append(") AS oldest_due, (SELECT COUNT(*) FROM " + tx.t.schedule
                        + " WHERE status = 'unconfirmed' AND channel_id IN ")
                .in("u", ids)
                .append(") AS unconfirmed_count, " + now + " AS db_now");
        return tx.list("read the publishing backlog", sql, (rs, ctx) -> {
                    long dueCount = rs.getLong("due_count");
                    Instant oldest = tx.d.optionalInstant(rs, "oldest_due");
                    return new Backlog(
                            dueCount,
                            dueCount == 0 ? Optional.empty() : Optional.ofNullable(oldest),
                            rs.getLong("unconfirmed_count"),
                            tx.d.instant(rs, "db_now"));
                })
                .get(0);
    }

    @Override
    public int defer(ConnectionId connection, Instant until) {
        tx.writable();
        return tx.sql("defer the schedules of connection " + connection, () -> tx.handle
                .createUpdate("UPDATE " + tx.t.schedule + " SET next_attempt_at = :until, version = version + 1"
                        + " WHERE connection_id = :connection AND status = 'pending' AND next_attempt_at < :until")
                .bind("connection", tx.d.uuid(connection.value()))
                .bind("until", tx.d.instant(until))
                .execute());
    }
}
