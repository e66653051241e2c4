package io.luxaris.jdbc.internal;

import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.PostId;
import io.luxaris.domain.SuggestionId;
import io.luxaris.domain.TemplateId;
import io.luxaris.errors.ConflictException;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.GenerationRepository;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Generation sessions and their suggestions. */
final class GenerationRepo implements GenerationRepository {
    private final JdbcTransaction tx;

    GenerationRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    private static void guard(GenerationSession s) {
        Guard.of("generationSession")
                .text("ownerPrincipalId", s.ownerPrincipalId(), Columns.OWNER)
                .text("prompt", s.prompt(), Columns.PROMPT)
                .check();
    }

    private static void guard(GenerationSuggestion s) {
        Guard.of("suggestion")
                .text("content", s.content(), Columns.SUGGESTION_CONTENT)
                .check();
    }

    private <S extends SqlStatement<S>> S bindMutable(S st, GenerationSession s) {
        return st.bind("id", tx.d.uuid(s.id().value()))
                .bind("post", tx.d.uuid(s.postId().map(PostId::value)))
                .bind("template", tx.d.uuid(s.templateId().map(TemplateId::value)))
                .bind("prompt", s.prompt())
                .bind("status", s.status().wireName())
                .bind("errors", Json.map(s.channelErrors()))
                .bind("updated", tx.d.instant(s.updatedAt()))
                .bind("version", s.version());
    }

    @Override
    public void insertSession(GenerationSession s) {
        tx.writable();
        guard(s);
        String sql = "INSERT INTO " + tx.t.session + " (" + Rows.columns(Rows.SESSION) + ") VALUES (:id, :owner,"
                + " :post, :template, :prompt, :status, " + tx.d.json("errors") + ", :created, :updated, :version)";
        tx.sql("insert generation session " + s.id(), () -> bindMutable(tx.handle.createUpdate(sql), s)
                .bind("owner", s.ownerPrincipalId())
                .bind("created", tx.d.instant(s.createdAt()))
                .execute());
    }

    @Override
    public GenerationSession updateSession(GenerationSession s) {
        tx.writable();
        guard(s);
        String action = "update generation session " + s.id();
        String update = "UPDATE " + tx.t.session + " SET post_id = :post, template_id = :template, prompt = :prompt,"
                + " status = :status, channel_errors = " + tx.d.json("errors")
                + ", updated_at = :updated, version = version + 1 WHERE id = :id AND version = :version";
        if (tx.d.is(Dialect.POSTGRESQL)) {
            return tx.first(
                            action,
                            bindMutable(tx.handle.createQuery(update + " RETURNING " + Rows.columns(Rows.SESSION)), s),
                            tx.rows.session())
                    .orElseThrow(() -> tx.staleOrMissing(tx.t.session, "generation session", s.id(), s.id().value()));
        }
        GenerationSession stored = findSession(s.id())
                .orElseThrow(() -> new ConflictException("generation session " + s.id() + " does not exist any more"));
        if (stored.version() != s.version()) {
            throw ConflictException.concurrentModification("generation session", s.id());
        }
        int n = tx.sql(
                action, () -> bindMutable(tx.handle.createUpdate(update), s).execute());
        if (n == 0) {
            throw ConflictException.concurrentModification("generation session", s.id());
        }
        return new GenerationSession(
                s.id(),
                stored.ownerPrincipalId(),
                s.postId(),
                s.templateId(),
                s.prompt(),
                s.status(),
                s.channelErrors(),
                stored.createdAt(),
                s.updatedAt(),
                stored.version() + 1);
    }

    @Override
    public Optional<GenerationSession> findSession(GenerationSessionId id) {
        tx.readable();
        return tx.first(
                "find generation session " + id,
                tx.handle
                        .createQuery(
                                "SELECT " + Rows.columns(Rows.SESSION) + " FROM " + tx.t.session + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value())),
                tx.rows.session());
    }

    @Override
    public List<GenerationSession> listSessions(OwnerScope owners, int limit) {
        tx.readable();
        var sql = new Sql("SELECT " + Rows.columns(Rows.SESSION) + " FROM " + tx.t.session + " WHERE 1 = 1");
        sql.owners("owner_id", owners);
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit").bind("limit", limit);
        return tx.list("list generation sessions", sql, tx.rows.session());
    }

    private Argument score(GenerationSuggestion s) {
        if (s.score().isEmpty()) {
            return (i, ps, ctx) -> ps.setNull(i, Types.DOUBLE);
        }
        double value = s.score().getAsDouble();
        return (i, ps, ctx) -> ps.setDouble(i, value);
    }

    @Override
    public void insertSuggestions(List<GenerationSuggestion> suggestions) {
        tx.writable();
        if (suggestions.isEmpty()) {
            return;
        }
        suggestions.forEach(GenerationRepo::guard);
        String sql = "INSERT INTO " + tx.t.suggestion + " (" + Rows.columns(Rows.SUGGESTION) + ") VALUES (:id,"
                + " :session, :channel, :content, :score, :accepted, " + tx.d.json("metadata")
                + ", :created, :version)";
        tx.sql("insert " + suggestions.size() + " suggestion(s)", () -> {
            PreparedBatch batch = tx.handle.prepareBatch(sql);
            for (GenerationSuggestion s : suggestions) {
                batch.bind("id", tx.d.uuid(s.id().value()))
                        .bind("session", tx.d.uuid(s.sessionId().value()))
                        .bind("channel", tx.d.uuid(s.channelId().value()))
                        .bind("content", s.content())
                        .bind("score", score(s))
                        .bind("accepted", s.accepted())
                        .bind("metadata", Json.map(s.metadata()))
                        .bind("created", tx.d.instant(s.createdAt()))
                        .bind("version", s.version())
                        .add();
            }
            return batch.execute();
        });
    }

    @Override
    public GenerationSuggestion updateSuggestion(GenerationSuggestion s) {
        tx.writable();
        guard(s);
        String action = "update suggestion " + s.id();
        GenerationSuggestion stored = findSuggestion(s.id())
                .orElseThrow(() -> new ConflictException("suggestion " + s.id() + " does not exist any more"));
        if (stored.version() != s.version()) {
            throw ConflictException.concurrentModification("suggestion", s.id());
        }
        int n = tx.sql(action, () -> tx.handle
                .createUpdate("UPDATE " + tx.t.suggestion + " SET content = :content, score = :score,"
                        + " accepted = :accepted, metadata = " + tx.d.json("metadata")
                        + ", version = version + 1 WHERE id = :id AND version = :version")
                .bind("id", tx.d.uuid(s.id().value()))
                .bind("content", s.content())
                .bind("score", score(s))
                .bind("accepted", s.accepted())
                .bind("metadata", Json.map(s.metadata()))
                .bind("version", s.version())
                .execute());
        if (n == 0) {
            throw ConflictException.concurrentModification("suggestion", s.id());
        }
        return new GenerationSuggestion(
                s.id(),
                stored.sessionId(),
                stored.channelId(),
                s.content(),
                s.score(),
                s.accepted(),
                s.metadata(),
                stored.createdAt(),
                stored.version() + 1);
    }

    @Override
    public Optional<GenerationSuggestion> findSuggestion(SuggestionId id) {
        tx.readable();
        return tx.first(
                "find suggestion " + id,
                tx.handle
                        .createQuery("SELECT " + Rows.columns(Rows.SUGGESTION) + " FROM " + tx.t.suggestion
                                + " WHERE id = :id")
                        .bind("id", tx.d.uuid(id.value())),
                tx.rows.suggestion());
    }

    @Override
    public List<GenerationSuggestion> listSuggestions(GenerationSessionId session) {
        tx.readable();
        return tx.list(
                "list suggestions of session " + session,
                new Sql("SELECT " + Rows.columns(Rows.SUGGESTION) + " FROM " + tx.t.suggestion
                                + " WHERE session_id = :session ORDER BY created_at, id")
                        .bind("session", tx.d.uuid(session.value())),
                tx.rows.suggestion());
    }
}
