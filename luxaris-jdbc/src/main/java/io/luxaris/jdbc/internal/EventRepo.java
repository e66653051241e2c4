package io.luxaris.jdbc.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.ScheduleId;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.storage.PublishEventRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Publish events (append-only); {@link #insertAll} is one statement on PostgreSQL, one JDBC batch elsewhere. */
final class EventRepo implements PublishEventRepository {
    private final JdbcTransaction tx;

    EventRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    private String insertSql() {
        return "INSERT INTO " + tx.t.event + " (" + Rows.columns(Rows.EVENT) + ") VALUES (:id, :schedule, :attempt,"
                + " :at, :status, :externalId, :externalUrl, :kind, :errorCode, :errorMessage, :raw)";
    }

    private static void guard(PublishEvent e) {
        Guard.of("publishEvent")
                .text("externalPostId", e.externalPostId(), Columns.EXTERNAL_REF)
                .text("externalUrl", e.externalUrl(), Columns.EXTERNAL_REF)
                .text("errorCode", e.errorCode(), Columns.ERROR_CODE)
                .text("errorMessage", e.errorMessage(), Columns.ERROR_MESSAGE)
                .text("rawResponse", e.rawResponse(), Columns.RAW_RESPONSE)
                .check();
    }

    private <S extends SqlStatement<S>> S bind(S s, PublishEvent e) {
        return s.bind("id", tx.d.uuid(e.id().value()))
                .bind("schedule", tx.d.uuid(e.scheduleId().value()))
                .bind("attempt", e.attemptIndex())
                .bind("at", tx.d.instant(e.timestamp()))
                .bind("status", e.status().wireName())
                .bind("externalId", e.externalPostId().orElse(null))
                .bind("externalUrl", e.externalUrl().orElse(null))
                .bind("kind", e.failureKind().map(FailureKind::wireName).orElse(null))
                .bind("errorCode", e.errorCode().orElse(null))
                .bind("errorMessage", e.errorMessage().orElse(null))
                .bind("raw", e.rawResponse().orElse(null));
    }

    @Override
    public void insert(PublishEvent event) {
        tx.writable();
        guard(event);
        tx.sql(
                "insert publish event of schedule " + event.scheduleId(),
                () -> bind(tx.handle.createUpdate(insertSql()), event).execute());
    }

    @Override
    public void insertAll(List<PublishEvent> events) {
        tx.writable();
        if (events.isEmpty()) {
            return;
        }
        events.forEach(EventRepo::guard);
        if (tx.d.is(Dialect.POSTGRESQL)) {
            insertAllPostgres(events);
            return;
        }
        tx.sql("insert " + events.size() + " publish event(s)", () -> {
            PreparedBatch batch = tx.handle.prepareBatch(insertSql());
            for (PublishEvent e : events) {
                bind(batch, e).add();
            }
            return batch.execute();
        });
    }

    /** One {@code INSERT ... SELECT} of every event (one statement on the server instead of one per event). */
    private void insertAllPostgres(List<PublishEvent> events) {
        PgColumns<PublishEvent> rows = PgColumns.of(events)
                .uuid("id", e -> e.id().value())
                .uuid("schedule_id", e -> e.scheduleId().value())
                .integer("attempt_index", e -> (long) e.attemptIndex())
                .instant("event_at", e -> Optional.of(e.timestamp()))
                .text("status", e -> e.status().wireName())
                .text("external_post_id", e -> e.externalPostId().orElse(null))
                .text("external_url", e -> e.externalUrl().orElse(null))
                .text(
                        "failure_kind",
                        e -> e.failureKind().map(FailureKind::wireName).orElse(null))
                .text("error_code", e -> e.errorCode().orElse(null))
                .text("error_message", e -> e.errorMessage().orElse(null))
                .text("raw_response", e -> e.rawResponse().orElse(null));
        String columns = Rows.columns(Rows.EVENT);
        String sql = "INSERT INTO " + tx.t.event + " (" + columns + ") SELECT " + columns + " FROM " + rows.from("f");
        tx.sql("insert " + events.size() + " publish event(s)", () -> rows.bind(tx.handle.createUpdate(sql))
                .execute());
    }

    @Override
    public List<PublishEvent> listBySchedule(ScheduleId schedule) {
        tx.readable();
        return tx.list(
                "list publish events of schedule " + schedule,
                new Sql("SELECT " + Rows.columns(Rows.EVENT) + " FROM " + tx.t.event
                                + " WHERE schedule_id = :schedule ORDER BY attempt_index, event_at, id")
                        .bind("schedule", tx.d.uuid(schedule.value())),
                tx.rows.event());
    }
}
