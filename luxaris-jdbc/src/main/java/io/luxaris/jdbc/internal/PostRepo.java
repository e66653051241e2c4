package io.luxaris.jdbc.internal;

import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.storage.PostCriteria;
import io.luxaris.spi.storage.PostRepository;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Posts. Tags are kept twice: as a JSON array in the post row (their order) and one row per distinct tag in the
 * tag table, which also holds the post's owner and creation time so that "posts of these owners with this tag,
 * newest first" is one index range scan.
 */
final class PostRepo implements PostRepository {
    private final JdbcTransaction tx;

    PostRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    private static void guard(Post p) {
        Guard.of("post")
                .text("ownerPrincipalId", p.ownerPrincipalId(), Columns.OWNER)
                .text("title", p.title(), Columns.TITLE)
                .text("baseContent", p.baseContent(), Columns.BASE_CONTENT)
                .each("tags", p.tags(), Columns.TAG)
                .check();
    }

    @Override
    public void insert(Post p) {
        tx.writable();
        guard(p);
        tx.sql("insert post " + p.id(), () -> bindMutable(tx.handle.createUpdate(insertSql()), p)
                .bind("owner", p.ownerPrincipalId())
                .bind("created", tx.d.instant(p.createdAt()))
                .execute());
        insertTags(p.id(), p.ownerPrincipalId(), p.createdAt(), new LinkedHashSet<>(p.tags()));
    }

    /** The posts as one batch, then all their tags as another. */
    @Override
    public void insertAll(List<Post> posts) {
        tx.writable();
        if (posts.isEmpty()) {
            return;
        }
        posts.forEach(PostRepo::guard);
        tx.sql("insert " + posts.size() + " post(s)", () -> {
            PreparedBatch batch = tx.handle.prepareBatch(insertSql());
            for (Post p : posts) {
                bindMutable(batch, p)
                        .bind("owner", p.ownerPrincipalId())
                        .bind("created", tx.d.instant(p.createdAt()))
                        .add();
            }
            return batch.execute();
        });
        if (posts.stream().allMatch(p -> p.tags().isEmpty())) {
            return;
        }
        tx.sql("insert tags of " + posts.size() + " post(s)", () -> {
            PreparedBatch batch = tx.handle.prepareBatch(insertTagSql());
            for (Post p : posts) {
                addTags(batch, p.id(), p.ownerPrincipalId(), p.createdAt(), new LinkedHashSet<>(p.tags()));
            }
            return batch.execute();
        });
    }

    private String insertSql() {
        return "INSERT INTO " + tx.t.post + " (" + Rows.columns(Rows.POST) + ") VALUES (:id, :owner, :title,"
                + " :content, " + tx.d.json("tags") + ", :status, " + tx.d.json("metadata")
                + ", :created, :updated, :published, :version)";
    }

    private String insertTagSql() {
        return "INSERT INTO " + tx.t.postTag
                + " (post_id, tag, owner_id, created_at) VALUES (:post, :tag, :owner, :created)";
    }

    private <S extends SqlStatement<S>> S bindMutable(S s, Post p) {
        return s.bind("id", tx.d.uuid(p.id().value()))
                .bind("title", p.title().orElse(null))
                .bind("content", p.baseContent())
                .bind("tags", Json.list(p.tags()))
                .bind("status", p.status().wireName())
                .bind("metadata", Json.map(p.metadata()))
                .bind("updated", tx.d.instant(p.updatedAt()))
                .bind("published", tx.d.instant(p.publishedAt()))
                .bind("version", p.version());
    }

    private void insertTags(PostId id, String owner, java.time.Instant created, Set<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        tx.sql("insert tags of post " + id, () -> {
            PreparedBatch batch = tx.handle.prepareBatch(insertTagSql());
            addTags(batch, id, owner, created, tags);
            return batch.execute();
        });
    }

    /** Adds one row of the tag insert per tag of the post. */
    private void addTags(PreparedBatch batch, PostId id, String owner, java.time.Instant created, Set<String> tags) {
        Argument post = tx.d.uuid(id.value());
        Argument at = tx.d.instant(created);
        for (String tag : tags) {
            batch.bind("post", post)
                    .bind("tag", tag)
                    .bind("owner", owner)
                    .bind("created", at)
                    .add();
        }
    }

    @Override
    public void updateStatuses(List<Post> posts) {
        tx.writable();
        if (posts.isEmpty()) {
            return;
        }
        if (tx.d.is(Dialect.MARIADB)) {
            // MariaDB's bulk protocol does not count the rows of each statement: a stale version would go unseen
            PostRepository.super.updateStatuses(posts);
            return;
        }
        if (tx.d.is(Dialect.POSTGRESQL)) {
            updateStatusesPostgres(posts);
            return;
        }
        String sql = "UPDATE " + tx.t.post + " SET status = :status, updated_at = :updated,"
                + " published_at = :published, version = version + 1 WHERE id = :id AND version = :version";
        int[] counts = tx.sql("update the status of " + posts.size() + " post(s)", () -> {
            PreparedBatch batch = tx.handle.prepareBatch(sql);
            for (Post p : posts) {
                batch.bind("id", tx.d.uuid(p.id().value()))
                        .bind("status", p.status().wireName())
                        .bind("updated", tx.d.instant(p.updatedAt()))
                        .bind("published", tx.d.instant(p.publishedAt()))
                        .bind("version", p.version())
                        .add();
            }
            return batch.execute();
        });
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                Post p = posts.get(i);
                throw tx.staleOrMissing(tx.t.post, "post", p.id(), p.id().value());
            }
        }
    }

    /** One statement for every post: the new statuses as a table, the ids written returned. */
    private void updateStatusesPostgres(List<Post> posts) {
        PgColumns<Post> rows = PgColumns.of(posts)
                .uuid("id", p -> p.id().value())
                .text("status", p -> p.status().wireName())
                .instant("updated", p -> Optional.of(p.updatedAt()))
                .instant("published", Post::publishedAt)
                .integer("version", Post::version);
        String sql = "UPDATE " + tx.t.post + " p SET status = f.status, updated_at = f.updated,"
                + " published_at = f.published, version = p.version + 1 FROM " + rows.from("f")
                + " WHERE p.id = f.id AND p.version = f.version RETURNING p.id";
        Set<UUID> written = rows.returningIds(tx, "update the status of " + posts.size() + " post(s)", sql);
        for (Post p : posts) {
            if (!written.remove(p.id().value())) {
                throw tx.staleOrMissing(tx.t.post, "post", p.id(), p.id().value());
            }
        }
    }

    @Override
    public Post update(Post p) {
        tx.writable();
        guard(p);
        String action = "update post " + p.id();
        String set = " SET title = :title, base_content = :content, tags = " + tx.d.json("tags") + ", status = :status,"
                + " metadata = " + tx.d.json("metadata") + ", updated_at = :updated, published_at = :published,"
                + " version = version + 1";
        Post stored;
        List<String> oldTags;
        if (tx.d.is(Dialect.POSTGRESQL)) {
            // one statement: update, return the stored row and the tags it had before
            String sql = "UPDATE " + tx.t.post + " p" + set.replace("version = version", "version = p.version")
                    + " FROM (SELECT id, tags AS old_tags FROM " + tx.t.post + " WHERE id = :id) o"
                    + " WHERE p.id = o.id AND p.version = :version RETURNING "
                    + Rows.aliased("p", "", Rows.POST) + ", o.old_tags";
            record Updated(Post post, List<String> oldTags) {}
            Updated updated = tx.first(
                            action,
                            bindMutable(tx.handle.createQuery(sql), p),
                            (rs, ctx) -> new Updated(tx.rows.post(rs, ""), Json.list(rs.getString("old_tags"))))
                    .orElseThrow(() -> tx.staleOrMissing(tx.t.post, "post", p.id(), p.id().value()));
            stored = updated.post();
            oldTags = updated.oldTags();
        } else {
            Post before = find(p.id())
                    .orElseThrow(() -> new ConflictException("post " + p.id() + " does not exist any more"));
            if (before.version() != p.version()) {
                throw ConflictException.concurrentModification("post", p.id());
            }
            int n = tx.sql(action, () -> bindMutable(
                            tx.handle.createUpdate(
                                    "UPDATE " + tx.t.post + set + " WHERE id = :id AND version = :version"),
                            p)
                    .execute());
            if (n == 0) {
                throw ConflictException.concurrentModification("post", p.id());
            }
            stored = new Post(
                    p.id(),
                    before.ownerPrincipalId(),
                    p.title(),
                    p.baseContent(),
                    p.tags(),
                    p.status(),
                    p.metadata(),
                    before.createdAt(),
                    p.updatedAt(),
                    p.publishedAt(),
                    before.version() + 1);
            oldTags = before.tags();
        }
        var newSet = new LinkedHashSet<>(p.tags());
        if (!newSet.equals(new LinkedHashSet<>(oldTags))) {
            tx.sql("update tags of post " + p.id(), () -> tx.handle
                    .createUpdate("DELETE FROM " + tx.t.postTag + " WHERE post_id = :post")
                    .bind("post", tx.d.uuid(p.id().value()))
                    .execute());
            insertTags(p.id(), stored.ownerPrincipalId(), stored.createdAt(), newSet);
        }
        return stored;
    }

    @Override
    public Optional<Post> find(PostId id) {
        tx.readable();
        return tx.first(
                "find post " + id,
                tx.handle
                        .createQuery("SELECT " + Rows.columns(Rows.POST) + " FROM " + tx.t.post + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value())),
                tx.rows.post(""));
    }

    @Override
    public Map<PostId, Post> findAll(Collection<PostId> ids) {
        tx.readable();
        var found = new LinkedHashMap<PostId, Post>();
        if (ids.isEmpty()) {
            return found;
        }
        tx.listIn(
                        "find " + ids.size() + " post(s)",
                        "SELECT " + Rows.columns(Rows.POST) + " FROM " + tx.t.post + " WHERE id IN ",
                        ids.stream().map(PostId::value).toList(),
                        "",
                        tx.rows.post(""))
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    @Override
    public List<Post> list(PostCriteria c) {
        tx.readable();
        Sql sql;
        String order;
        if (c.tag().isPresent()) {
            // driven by the tag index: (tag, owner, created_at, post)
            sql = new Sql("SELECT " + Rows.aliased("p", "", Rows.POST) + " FROM " + tx.t.postTag + " g JOIN "
                            + tx.t.post + " p ON p.id = g.post_id WHERE g.tag = :tag")
                    .bind("tag", c.tag().get());
            sql.owners("g.owner_id", c.owners());
            c.after().ifPresent(after -> sql.append(
                            " AND (g.created_at < :afterAt OR (g.created_at = :afterAt AND g.post_id < :afterId))")
                    .bind("afterAt", tx.d.instant(after.at()))
                    .bind("afterId", tx.d.uuid(after.id())));
            order = " ORDER BY g.created_at DESC, g.post_id DESC";
        } else {
            sql = new Sql("SELECT " + Rows.aliased("p", "", Rows.POST) + " FROM " + tx.t.post + " p WHERE 1 = 1");
            sql.owners("p.owner_id", c.owners());
            c.after().ifPresent(after -> sql.append(
                            " AND (p.created_at < :afterAt OR (p.created_at = :afterAt AND p.id < :afterId))")
                    .bind("afterAt", tx.d.instant(after.at()))
                    .bind("afterId", tx.d.uuid(after.id())));
            order = " ORDER BY p.created_at DESC, p.id DESC";
        }
        if (!c.statuses().isEmpty()) {
            sql.append(" AND p.status IN ")
                    .inStrings(
                            "status",
                            c.statuses().stream()
                                    .map(PostStatus::wireName)
                                    .sorted()
                                    .toList());
        }
        sql.append(order).append(" LIMIT :limit").bind("limit", c.limit());
        return tx.list("list posts", sql, tx.rows.post(""));
    }
}
