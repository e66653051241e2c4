package io.luxaris.jdbc.internal;

import io.luxaris.errors.ConflictException;
import io.luxaris.spi.storage.ChannelRepository;
import io.luxaris.spi.storage.ConnectionRepository;
import io.luxaris.spi.storage.GenerationRepository;
import io.luxaris.spi.storage.IdempotencyRepository;
import io.luxaris.spi.storage.PostRepository;
import io.luxaris.spi.storage.PostingQueueRepository;
import io.luxaris.spi.storage.PublishEventRepository;
import io.luxaris.spi.storage.ScheduleQueue;
import io.luxaris.spi.storage.ScheduleRepository;
import io.luxaris.spi.storage.TemplateRepository;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.spi.storage.VariantRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** One database transaction and its repositories; valid while the transaction runs. */
final class JdbcTransaction implements Transaction {
    /** The most ids sent in one IN list. */
    static final int IN_CHUNK = 500;

    final Database db;
    final Handle handle;
    final SqlDialect d;
    final Tables t;
    final Rows rows;
    private final boolean readOnly;
    private boolean open = true;

    private final ChannelRepo channels;
    private final ConnectionRepo connections;
    private final PostRepo posts;
    private final VariantRepo variants;
    private final ScheduleRepo schedules;
    private final EventRepo events;
    private final TemplateRepo templates;
    private final GenerationRepo generations;
    private final QueueRepo queue;
    private final ApprovalRepo approvals;
    private final IdempotencyRepo idempotency;
    private final RecurrenceRepo recurrences;
    private final PostingQueueRepo postingQueues;

    JdbcTransaction(Database db, Handle handle, boolean readOnly) {
        this.db = db;
        this.handle = handle;
        this.d = db.dialect();
        this.t = db.tables();
        this.rows = db.rows();
        this.readOnly = readOnly;
        this.channels = new ChannelRepo(this);
        this.connections = new ConnectionRepo(this);
        this.posts = new PostRepo(this);
        this.variants = new VariantRepo(this);
        this.schedules = new ScheduleRepo(this);
        this.events = new EventRepo(this);
        this.templates = new TemplateRepo(this);
        this.generations = new GenerationRepo(this);
        this.queue = new QueueRepo(this);
        this.approvals = new ApprovalRepo(this);
        this.idempotency = new IdempotencyRepo(this);
        this.recurrences = new RecurrenceRepo(this);
        this.postingQueues = new PostingQueueRepo(this);
    }

    boolean readOnly() {
        return readOnly;
    }

    void end() {
        open = false;
    }

    void writable() {
        if (!open) {
            throw new IllegalStateException("the transaction is over");
        }
        if (readOnly) {
            throw new IllegalStateException("write in a read-only transaction");
        }
    }

    void readable() {
        if (!open) {
            throw new IllegalStateException("the transaction is over");
        }
    }

    /** Runs database work, translating Jdbi's exceptions; {@code action} names it in messages. */
    <T> T sql(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw SqlErrors.translate(action, e);
        } catch (AssertionError e) {
            Throwable t = SqlErrors.driverAssertion(action, e);
            if (t instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    <T> List<T> list(String action, Sql sql, RowMapper<T> mapper) {
        return sql(
                action,
                () -> sql.bindTo(handle.createQuery(sql.text())).map(mapper).list());
    }

    /** Rows of {@code prefix (:id0, :id1, ...) suffix}, the ids sent in chunks of {@value #IN_CHUNK}. */
    <T> List<T> listIn(String action, String prefix, Collection<UUID> ids, String suffix, RowMapper<T> mapper) {
        return listIn(action, prefix, ids, suffix, mapper, sql -> {});
    }

    /** {@link #listIn(String, String, Collection, String, RowMapper)} with more bindings for the suffix. */
    <T> List<T> listIn(
            String action,
            String prefix,
            Collection<UUID> ids,
            String suffix,
            RowMapper<T> mapper,
            Consumer<Sql> bindings) {
        var rows = new ArrayList<T>(ids.size());
        for (List<UUID> chunk : chunks(ids)) {
            var sql = new Sql(prefix)
                    .in("id", chunk.stream().map(d::uuid).toList())
                    .append(suffix);
            bindings.accept(sql);
            rows.addAll(list(action, sql, mapper));
        }
        return rows;
    }

    /**
     * {@code UPDATE table SET set WHERE id IN (ids) condition} on the rows no other transaction holds: on PostgreSQL
     * and MariaDB a row another transaction has locked is skipped, not waited for (H2 waits). For writes that may
     * be left out for a moment and whose waiting could stall or deadlock with a writer of the same rows.
     *
     * @param condition more of the {@code WHERE} clause ({@code " AND ..."}, or empty), bound by {@code
     *     conditionBindings}
     * @param setBindings the bindings of {@code set}
     * @return the rows changed
     */
    int updateUnlocked(
            String action,
            String table,
            String set,
            Collection<UUID> ids,
            String condition,
            Consumer<Sql> conditionBindings,
            Consumer<Sql> setBindings) {
        String update = "UPDATE " + table + " SET " + set + " WHERE id ";
        Consumer<Sql> all = sql -> {
            setBindings.accept(sql);
            conditionBindings.accept(sql);
        };
        switch (d.dialect()) {
            case POSTGRESQL -> {
                // ARRAY(...): the locking subquery runs once, and the update finds the rows by their key
                return updateIn(
                        action,
                        update + "= ANY(ARRAY(SELECT id FROM " + table + " WHERE id IN ",
                        ids,
                        condition + " FOR UPDATE SKIP LOCKED))",
                        all);
            }
            case MARIADB -> {
                List<UUID> free = listIn(
                        action,
                        "SELECT id FROM " + table + " WHERE id IN ",
                        ids,
                        condition + " FOR UPDATE SKIP LOCKED",
                        (rs, ctx) -> d.uuid(rs, "id"),
                        conditionBindings);
                return free.isEmpty() ? 0 : updateIn(action, update + "IN ", free, condition, all);
            }
            default -> {
                return updateIn(action, update + "IN ", ids, condition, all);
            }
        }
    }

    /** Runs the update {@code prefix (:id0, ...) suffix} per chunk of ids; returns the rows changed. */
    int updateIn(String action, String prefix, Collection<UUID> ids, String suffix, Consumer<Sql> bindings) {
        int changed = 0;
        for (List<UUID> chunk : chunks(ids)) {
            var sql = new Sql(prefix)
                    .in("id", chunk.stream().map(d::uuid).toList())
                    .append(suffix);
            bindings.accept(sql);
            changed += sql(
                    action, () -> sql.bindTo(handle.createUpdate(sql.text())).execute());
        }
        return changed;
    }

    /** The ids sorted (rows are then locked in one order by every writer) and cut into chunks. */
    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        var chunks = new ArrayList<List<UUID>>();
        for (int i = 0; i < sorted.size(); i += IN_CHUNK) {
            chunks.add(sorted.subList(i, Math.min(sorted.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    <T> Optional<T> first(String action, Query query, RowMapper<T> mapper) {
        return sql(action, () -> query.map(mapper).findFirst());
    }

    /** After a versioned update changed no row: the row is gone, or someone else updated it first. */
    ConflictException staleOrMissing(String table, String entity, Object id, java.util.UUID uuid) {
        boolean exists =
                sql("check " + entity + " " + id, () -> handle.createQuery("SELECT 1 FROM " + table + " WHERE id = :id")
                        .bind("id", d.uuid(uuid))
                        .mapTo(Integer.class)
                        .findFirst()
                        .isPresent());
        return exists
                ? ConflictException.concurrentModification(entity, id)
                : new ConflictException(entity + " " + id + " does not exist any more");
    }

    @Override
    public ChannelRepository channels() {
        return channels;
    }

    @Override
    public ConnectionRepository connections() {
        return connections;
    }

    @Override
    public PostRepository posts() {
        return posts;
    }

    @Override
    public VariantRepository variants() {
        return variants;
    }

    @Override
    public ScheduleRepository schedules() {
        return schedules;
    }

    @Override
    public PublishEventRepository publishEvents() {
        return events;
    }

    @Override
    public TemplateRepository templates() {
        return templates;
    }

    @Override
    public GenerationRepository generations() {
        return generations;
    }

    @Override
    public ScheduleQueue queue() {
        return queue;
    }

    @Override
    public io.luxaris.spi.storage.ApprovalRepository approvals() {
        return approvals;
    }

    @Override
    public IdempotencyRepository idempotency() {
        return idempotency;
    }

    @Override
    public io.luxaris.spi.storage.RecurrenceRepository recurrences() {
        return recurrences;
    }

    @Override
    public PostingQueueRepository postingQueues() {
        return postingQueues;
    }
}
