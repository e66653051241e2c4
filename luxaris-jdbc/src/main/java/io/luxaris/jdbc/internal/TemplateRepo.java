package io.luxaris.jdbc.internal;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.TemplateId;
import io.luxaris.errors.ConflictException;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.TemplateRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/** Post templates; names are unique per owner (checked first, enforced by a unique key). */
final class TemplateRepo implements TemplateRepository {
    private final JdbcTransaction tx;

    TemplateRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    private static void guard(PostTemplate t) {
        Guard.of("template")
                .text("ownerPrincipalId", t.ownerPrincipalId(), Columns.OWNER)
                .text("name", t.name(), Columns.TEMPLATE_NAME)
                .text("description", t.description(), Columns.TEMPLATE_DESCRIPTION)
                .text("body", t.body(), Columns.TEMPLATE_BODY)
                .check();
    }

    private <S extends SqlStatement<S>> S bindMutable(S s, PostTemplate t) {
        return s.bind("id", tx.d.uuid(t.id().value()))
                .bind("name", t.name())
                .bind("description", t.description().orElse(null))
                .bind("body", t.body())
                .bind("channel", tx.d.uuid(t.defaultChannelId().map(ChannelId::value)))
                .bind("constraints", Json.constraints(t.constraints()))
                .bind("updated", tx.d.instant(t.updatedAt()))
                .bind("version", t.version());
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("a template named '" + name + "' already exists for this owner");
    }

    @Override
    public void insert(PostTemplate t) {
        tx.writable();
        guard(t);
        if (findByName(t.ownerPrincipalId(), t.name()).isPresent()) {
            throw nameTaken(t.name());
        }
        String sql = "INSERT INTO " + tx.t.template + " (" + Rows.columns(Rows.TEMPLATE) + ") VALUES (:id, :owner,"
                + " :name, :description, :body, :channel, " + tx.d.json("constraints")
                + ", :created, :updated, :version)";
        tx.sql("insert template " + t.id(), () -> bindMutable(tx.handle.createUpdate(sql), t)
                .bind("owner", t.ownerPrincipalId())
                .bind("created", tx.d.instant(t.createdAt()))
                .execute());
    }

    @Override
    public PostTemplate update(PostTemplate t) {
        tx.writable();
        guard(t);
        String action = "update template " + t.id();
        boolean clash = tx.sql(action, () -> tx.handle
                .createQuery("SELECT 1 FROM " + tx.t.template + " WHERE name = :name AND id <> :id AND owner_id ="
                        + " (SELECT owner_id FROM " + tx.t.template + " WHERE id = :id)")
                .bind("name", t.name())
                .bind("id", tx.d.uuid(t.id().value()))
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
        if (clash) {
            throw nameTaken(t.name());
        }
        String update = "UPDATE " + tx.t.template + " SET name = :name, description = :description, body = :body,"
                + " default_channel_id = :channel, constraints = " + tx.d.json("constraints")
                + ", updated_at = :updated, version = version + 1 WHERE id = :id AND version = :version";
        if (tx.d.is(Dialect.POSTGRESQL)) {
            return tx.first(
                            action,
                            bindMutable(tx.handle.createQuery(update + " RETURNING " + Rows.columns(Rows.TEMPLATE)), t),
                            tx.rows.template())
                    .orElseThrow(() -> tx.staleOrMissing(tx.t.template, "template", t.id(), t.id().value()));
        }
        PostTemplate stored = find(t.id())
                .orElseThrow(() -> new ConflictException("template " + t.id() + " does not exist any more"));
        if (stored.version() != t.version()) {
            throw ConflictException.concurrentModification("template", t.id());
        }
        int n = tx.sql(
                action, () -> bindMutable(tx.handle.createUpdate(update), t).execute());
        if (n == 0) {
            throw ConflictException.concurrentModification("template", t.id());
        }
        return new PostTemplate(
                t.id(),
                stored.ownerPrincipalId(),
                t.name(),
                t.description(),
                t.body(),
                t.defaultChannelId(),
                t.constraints(),
                stored.createdAt(),
                t.updatedAt(),
                stored.version() + 1);
    }

    private String select() {
        return "SELECT " + Rows.columns(Rows.TEMPLATE) + " FROM " + tx.t.template;
    }

    @Override
    public Optional<PostTemplate> find(TemplateId id) {
        tx.readable();
        return tx.first(
                "find template " + id,
                tx.handle.createQuery(select() + " WHERE id = :id").bind("id", tx.d.uuid(id.value())),
                tx.rows.template());
    }

    @Override
    public Optional<PostTemplate> findByName(String owner, String name) {
        tx.readable();
        return tx.first(
                "find template by name",
                tx.handle
                        .createQuery(select() + " WHERE owner_id = :owner AND name = :name")
                        .bind("owner", owner)
                        .bind("name", name),
                tx.rows.template());
    }

    @Override
    public List<PostTemplate> list(OwnerScope owners) {
        tx.readable();
        var sql = new Sql(select() + " WHERE 1 = 1");
        sql.owners("owner_id", owners);
        sql.append(" ORDER BY name, id");
        return tx.list("list templates", sql, tx.rows.template());
    }

    @Override
    public boolean delete(TemplateId id) {
        tx.writable();
        return tx.sql("delete template " + id, () -> tx.handle
                        .createUpdate("DELETE FROM " + tx.t.template + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value()))
                        .execute())
                > 0;
    }
}
