package io.luxaris.jdbc.internal;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.VariantId;
import io.luxaris.errors.ConflictException;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.storage.VariantRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Post variants. */
final class VariantRepo implements VariantRepository {
    private final JdbcTransaction tx;

    VariantRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    private static void guard(PostVariant v) {
        Guard.of("variant")
                .text("content", v.content(), Columns.VARIANT_CONTENT)
                .text("tone", v.tone(), Columns.TONE)
                .check();
    }

    @Override
    public void insert(PostVariant v) {
        tx.writable();
        guard(v);
        tx.sql("insert variant " + v.id(), () -> bindNew(tx.handle.createUpdate(insertSql()), v)
                .execute());
    }

    /** The variants as one batch. */
    @Override
    public void insertAll(List<PostVariant> variants) {
        tx.writable();
        if (variants.isEmpty()) {
            return;
        }
        variants.forEach(VariantRepo::guard);
        tx.sql("insert " + variants.size() + " variant(s)", () -> {
            PreparedBatch batch = tx.handle.prepareBatch(insertSql());
            for (PostVariant v : variants) {
                bindNew(batch, v).add();
            }
            return batch.execute();
        });
    }

    private String insertSql() {
        return "INSERT INTO " + tx.t.variant + " (" + Rows.columns(Rows.VARIANT) + ") VALUES (:id, :post,"
                + " :channel, :connection, :content, " + tx.d.json("thread") + ", " + tx.d.json("followUps") + ", "
                + tx.d.json("media")
                + ", :tone, :source, :status, " + tx.d.json("metadata") + ", :created, :updated, :published, :version)";
    }

    private <S extends SqlStatement<S>> S bindNew(S s, PostVariant v) {
        return bindMutable(s, v)
                .bind("post", tx.d.uuid(v.postId().value()))
                .bind("channel", tx.d.uuid(v.channelId().value()))
                .bind("source", v.source().wireName())
                .bind("created", tx.d.instant(v.createdAt()));
    }

    private <S extends SqlStatement<S>> S bindMutable(S s, PostVariant v) {
        return s.bind("id", tx.d.uuid(v.id().value()))
                .bind("connection", tx.d.uuid(v.connectionId().map(ConnectionId::value)))
                .bind("content", v.content())
                .bind("thread", Json.list(v.thread()))
                .bind("followUps", Json.followUps(v.followUps()))
                .bind("media", Json.media(v.media()))
                .bind("tone", v.tone().orElse(null))
                .bind("status", v.status().wireName())
                .bind("metadata", Json.map(v.metadata()))
                .bind("updated", tx.d.instant(v.updatedAt()))
                .bind("published", tx.d.instant(v.publishedAt()))
                .bind("version", v.version());
    }

    @Override
    public PostVariant update(PostVariant v) {
        tx.writable();
        guard(v);
        String action = "update variant " + v.id();
        String update = "UPDATE " + tx.t.variant + " SET connection_id = :connection, content = :content, thread = "
                + tx.d.json("thread") + ", follow_ups = " + tx.d.json("followUps") + ", media = " + tx.d.json("media")
                + ", tone = :tone, source = :source,"
                + " status = :status, metadata = " + tx.d.json("metadata")
                + ", updated_at = :updated, published_at = :published, version = version + 1"
                + " WHERE id = :id AND version = :version";
        if (tx.d.is(Dialect.POSTGRESQL)) {
            return tx.first(
                            action,
                            bindMutable(tx.handle.createQuery(update + " RETURNING " + Rows.columns(Rows.VARIANT)), v)
                                    .bind("source", v.source().wireName()),
                            tx.rows.variant(""))
                    .orElseThrow(() -> tx.staleOrMissing(tx.t.variant, "variant", v.id(), v.id().value()));
        }
        PostVariant stored =
                find(v.id()).orElseThrow(() -> new ConflictException("variant " + v.id() + " does not exist any more"));
        if (stored.version() != v.version()) {
            throw ConflictException.concurrentModification("variant", v.id());
        }
        int n = tx.sql(action, () -> bindMutable(tx.handle.createUpdate(update), v)
                .bind("source", v.source().wireName())
                .execute());
        if (n == 0) {
            throw ConflictException.concurrentModification("variant", v.id());
        }
        return new PostVariant(
                v.id(),
                stored.postId(),
                stored.channelId(),
                v.connectionId(),
                v.content(),
                v.thread(),
                v.followUps(),
                v.media(),
                v.tone(),
                v.source(),
                v.status(),
                v.metadata(),
                stored.createdAt(),
                v.updatedAt(),
                v.publishedAt(),
                stored.version() + 1);
    }

    @Override
    public Optional<PostVariant> find(VariantId id) {
        tx.readable();
        return tx.first(
                "find variant " + id,
                tx.handle
                        .createQuery(
                                "SELECT " + Rows.columns(Rows.VARIANT) + " FROM " + tx.t.variant + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value())),
                tx.rows.variant(""));
    }

    @Override
    public Map<VariantId, PostVariant> findAll(Collection<VariantId> ids) {
        tx.readable();
        var found = new LinkedHashMap<VariantId, PostVariant>();
        if (ids.isEmpty()) {
            return found;
        }
        tx.listIn(
                        "find " + ids.size() + " variant(s)",
                        "SELECT " + Rows.columns(Rows.VARIANT) + " FROM " + tx.t.variant + " WHERE id IN ",
                        ids.stream().map(VariantId::value).toList(),
                        "",
                        tx.rows.variant(""))
                .forEach(v -> found.put(v.id(), v));
        return found;
    }

    @Override
    public int markPublished(Collection<VariantId> ids, Instant now) {
        tx.writable();
        if (ids.isEmpty()) {
            return 0;
        }
        return tx.updateIn(
                "mark " + ids.size() + " variant(s) published",
                "UPDATE " + tx.t.variant + " SET status = 'published', published_at = COALESCE(published_at, :now),"
                        + " updated_at = :now, version = version + 1 WHERE status IN ('ready', 'failed') AND id IN ",
                ids.stream().map(VariantId::value).toList(),
                "",
                sql -> sql.bind("now", tx.d.instant(now)));
    }

    @Override
    public int markReady(Collection<VariantId> ids, Instant now) {
        tx.writable();
        if (ids.isEmpty()) {
            return 0;
        }
        return tx.updateIn(
                "mark " + ids.size() + " variant(s) ready",
                "UPDATE " + tx.t.variant + " SET status = 'ready', updated_at = :now, version = version + 1"
                        + " WHERE status IN ('draft', 'failed') AND id IN ",
                ids.stream().map(VariantId::value).toList(),
                "",
                sql -> sql.bind("now", tx.d.instant(now)));
    }

    @Override
    public List<PostVariant> listByPost(PostId post) {
        tx.readable();
        return tx.list(
                "list variants of post " + post,
                new Sql("SELECT " + Rows.columns(Rows.VARIANT) + " FROM " + tx.t.variant
                                + " WHERE post_id = :post ORDER BY created_at, id")
                        .bind("post", tx.d.uuid(post.value())),
                tx.rows.variant(""));
    }

    @Override
    public boolean delete(VariantId id) {
        tx.writable();
        boolean referenced = tx.sql("delete variant " + id, () -> tx.handle
                .createQuery("SELECT 1 FROM " + tx.t.schedule + " WHERE variant_id = :id")
                .bind("id", tx.d.uuid(id.value()))
                .setMaxRows(1)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
        if (referenced) {
            throw new ConflictException("variant " + id + " is referenced by schedules");
        }
        return tx.sql("delete variant " + id, () -> tx.handle
                        .createUpdate("DELETE FROM " + tx.t.variant + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value()))
                        .execute())
                > 0;
    }
}
