package io.luxaris.spi.storage;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PostId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Schedules as entities (the engine's operations are on {@link ScheduleQueue}). */
public interface ScheduleRepository {
    void insert(Schedule schedule);

    /** Versioned update; returns the stored record. */
    Schedule update(Schedule schedule);

    Optional<Schedule> find(ScheduleId id);

    /** Schedules of a post, by run_at then id. */
    List<Schedule> listByPost(PostId post);

    /** Schedules of a variant, by run_at then id. */
    List<Schedule> listByVariant(VariantId variant);

    /** Active (pending, queued, processing) schedules of a connection with run_at in [from, to), by run_at. */
    List<Schedule> listActiveByConnection(ConnectionId connection, Instant from, Instant to);

    /** The calendar query. */
    List<CalendarRow> calendar(CalendarCriteria criteria);
}
