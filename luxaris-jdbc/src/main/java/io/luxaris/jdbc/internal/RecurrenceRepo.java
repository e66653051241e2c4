package io.luxaris.jdbc.internal;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PostId;
import io.luxaris.domain.RecurrenceFrequency;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.SeriesId;
import io.luxaris.domain.SeriesOccurrence;
import io.luxaris.domain.SeriesStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.storage.RecurrenceRepository;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Recurring series and their occurrences. Dates and the time of day are stored as ISO-8601 text, weekdays as
 * their ISO numbers ({@code 1,3,5}); an occurrence is unique per (series, revision, index) by the primary key.
 */
final class RecurrenceRepo implements RecurrenceRepository {
    private static final List<String> SERIES = List.of(
            "id",
            "post_id",
            "variant_id",
            "channel_id",
            "connection_id",
            "frequency",
            "interval_count",
            "weekdays",
            "day_of_month",
            "start_date",
            "local_time",
            "timezone",
            "end_count",
            "end_date",
            "variations",
            "horizon_days",
            "max_ahead",
            "status",
            "revision",
            "next_index",
            "created_at",
            "updated_at",
            "version");
    private static final List<String> OCCURRENCE =
            List.of("series_id", "revision", "occurrence_index", "run_at", "schedule_id", "created_at");

    private final JdbcTransaction tx;
    private final String series;
    private final String occurrence;

    RecurrenceRepo(JdbcTransaction tx) {
        this.tx = tx;
        this.series = tx.t.recurringSeries;
        this.occurrence = tx.t.recurringOccurrence;
    }

    private static void guard(RecurringSeries s) {
        Guard.of("series")
                .text("rule.zone", s.rule().zone().getId(), Columns.TIMEZONE)
                .text("rule.start", s.rule().start().toString(), 10)
                .text("rule.until", s.rule().until().map(LocalDate::toString), 10)
                .text("rule.time", s.rule().time().toString(), 18)
                .each("variations", s.variations(), RecurringSeries.MAX_VARIATION_LENGTH)
                .check();
    }

    private <S extends SqlStatement<S>> S bindMutable(S st, RecurringSeries s) {
        RecurrenceRule r = s.rule();
        return st.bind("id", tx.d.uuid(s.id().value()))
                .bind("frequency", r.frequency().wireName())
                .bind("interval", r.interval())
                .bind(
                        "weekdays",
                        r.weekdays().stream()
                                .map(d -> String.valueOf(d.getValue()))
                                .collect(Collectors.joining(",")))
                .bind("dayOfMonth", r.dayOfMonth())
                .bind("start", r.start().toString())
                .bind("time", r.time().toString())
                .bind("timezone", r.zone().getId())
                .bind("endCount", r.count().isPresent() ? r.count().getAsInt() : null)
                .bind("endDate", r.until().map(LocalDate::toString).orElse(null))
                .bind("variations", Json.list(s.variations()))
                .bind("horizonDays", s.horizonDays())
                .bind("maxAhead", s.maxAhead())
                .bind("status", s.status().wireName())
                .bind("revision", s.revision())
                .bind("nextIndex", s.nextIndex())
                .bind("updated", tx.d.instant(s.updatedAt()))
                .bind("version", s.version());
    }

    @Override
    public void insert(RecurringSeries s) {
        tx.writable();
        guard(s);
        String sql = "INSERT INTO " + series + " (" + String.join(", ", SERIES) + ") VALUES (:id, :post, :variant,"
                + " :channel, :connection, :frequency, :interval, :weekdays, :dayOfMonth, :start, :time, :timezone,"
                + " :endCount, :endDate, " + tx.d.json("variations") + ", :horizonDays, :maxAhead, :status,"
                + " :revision, :nextIndex, :created, :updated, :version)";
        tx.sql("insert series " + s.id(), () -> bindMutable(tx.handle.createUpdate(sql), s)
                .bind("post", tx.d.uuid(s.postId().value()))
                .bind("variant", tx.d.uuid(s.variantId().value()))
                .bind("channel", tx.d.uuid(s.channelId().value()))
                .bind("connection", tx.d.uuid(s.connectionId().value()))
                .bind("created", tx.d.instant(s.createdAt()))
                .execute());
    }

    @Override
    public RecurringSeries update(RecurringSeries s) {
        tx.writable();
        guard(s);
        String sql = "UPDATE " + series + " SET frequency = :frequency, interval_count = :interval,"
                + " weekdays = :weekdays, day_of_month = :dayOfMonth, start_date = :start, local_time = :time,"
                + " timezone = :timezone, end_count = :endCount, end_date = :endDate, variations = "
                + tx.d.json("variations") + ", horizon_days = :horizonDays, max_ahead = :maxAhead,"
                + " status = :status, revision = :revision, next_index = :nextIndex, updated_at = :updated,"
                + " version = version + 1 WHERE id = :id AND version = :version";
        int n = tx.sql("update series " + s.id(), () -> bindMutable(tx.handle.createUpdate(sql), s)
                .execute());
        if (n == 0) {
            throw tx.staleOrMissing(series, "series", s.id(), s.id().value());
        }
        return find(s.id()).orElseThrow(() -> new ConflictException("series " + s.id() + " does not exist any more"));
    }

    private String select() {
        return "SELECT " + String.join(", ", SERIES) + " FROM " + series;
    }

    @Override
    public Optional<RecurringSeries> find(SeriesId id) {
        tx.readable();
        return tx.first(
                "find series " + id,
                tx.handle.createQuery(select() + " WHERE id = :id").bind("id", tx.d.uuid(id.value())),
                seriesRow());
    }

    @Override
    public List<RecurringSeries> listByPost(PostId post) {
        tx.readable();
        var sql = new Sql(select() + " WHERE post_id = :post ORDER BY id").bind("post", tx.d.uuid(post.value()));
        return tx.list("list series of post " + post, sql, seriesRow());
    }

    @Override
    public List<RecurringSeries> listActive(Optional<SeriesId> after, int limit) {
        tx.readable();
        var sql = new Sql(select() + " WHERE status = 'active'");
        after.ifPresent(a -> sql.append(" AND id > :after").bind("after", tx.d.uuid(a.value())));
        sql.append(" ORDER BY id LIMIT :limit").bind("limit", limit);
        return tx.list("list active series", sql, seriesRow());
    }

    @Override
    public void insertOccurrence(SeriesOccurrence o) {
        tx.writable();
        String sql = "INSERT INTO " + occurrence + " (" + String.join(", ", OCCURRENCE)
                + ") VALUES (:series, :revision, :index, :runAt, :schedule, :created)";
        tx.sql("insert occurrence " + o.revision() + "." + o.index() + " of series " + o.seriesId(), () -> tx.handle
                .createUpdate(sql)
                .bind("series", tx.d.uuid(o.seriesId().value()))
                .bind("revision", o.revision())
                .bind("index", o.index())
                .bind("runAt", tx.d.instant(o.runAt()))
                .bind("schedule", tx.d.uuid(o.scheduleId().value()))
                .bind("created", tx.d.instant(o.createdAt()))
                .execute());
    }

    @Override
    public List<SeriesOccurrence> listOccurrences(SeriesId id) {
        tx.readable();
        var sql = new Sql("SELECT " + String.join(", ", OCCURRENCE) + " FROM " + occurrence
                        + " WHERE series_id = :series ORDER BY revision, occurrence_index")
                .bind("series", tx.d.uuid(id.value()));
        return tx.list(
                "list occurrences of series " + id,
                sql,
                (rs, ctx) -> new SeriesOccurrence(
                        new SeriesId(tx.d.uuid(rs, "series_id")),
                        rs.getInt("revision"),
                        rs.getInt("occurrence_index"),
                        tx.d.instant(rs, "run_at"),
                        new ScheduleId(tx.d.uuid(rs, "schedule_id")),
                        tx.d.instant(rs, "created_at")));
    }

    private RowMapper<RecurringSeries> seriesRow() {
        return (rs, ctx) -> {
            String weekdays = rs.getString("weekdays");
            int endCount = rs.getInt("end_count");
            OptionalInt count = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(endCount);
            String endDate = rs.getString("end_date");
            var rule = new RecurrenceRule(
                    RecurrenceFrequency.fromWireName(rs.getString("frequency")),
                    rs.getInt("interval_count"),
                    weekdays.isEmpty()
                            ? java.util.Set.of()
                            : Arrays.stream(weekdays.split(","))
                                    .map(d -> DayOfWeek.of(Integer.parseInt(d)))
                                    .collect(Collectors.toSet()),
                    rs.getInt("day_of_month"),
                    LocalDate.parse(rs.getString("start_date")),
                    LocalTime.parse(rs.getString("local_time")),
                    ZoneId.of(rs.getString("timezone")),
                    count,
                    Optional.ofNullable(endDate).map(LocalDate::parse));
            return new RecurringSeries(
                    new SeriesId(tx.d.uuid(rs, "id")),
                    new PostId(tx.d.uuid(rs, "post_id")),
                    new VariantId(tx.d.uuid(rs, "variant_id")),
                    new ChannelId(tx.d.uuid(rs, "channel_id")),
                    new ConnectionId(tx.d.uuid(rs, "connection_id")),
                    rule,
                    Json.list(rs.getString("variations")),
                    rs.getInt("horizon_days"),
                    rs.getInt("max_ahead"),
                    SeriesStatus.fromWireName(rs.getString("status")),
                    rs.getInt("revision"),
                    rs.getInt("next_index"),
                    tx.d.instant(rs, "created_at"),
                    tx.d.instant(rs, "updated_at"),
                    rs.getLong("version"));
        };
    }
}
