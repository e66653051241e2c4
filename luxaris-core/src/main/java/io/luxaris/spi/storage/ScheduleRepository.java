package io.luxaris.spi.storage;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PostId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    /** The schedules of these posts, in no particular order; override to read them in one query. */
    default List<Schedule> listByPosts(Collection<PostId> posts) {
        var all = new ArrayList<Schedule>();
        for (PostId post : posts) {
            all.addAll(listByPost(post));
        }
        return all;
    }

    /** Schedules of a variant, by run_at then id. */
    List<Schedule> listByVariant(VariantId variant);

    /** Active (pending, queued, processing) schedules of a connection with run_at in [from, to), by run_at. */
    List<Schedule> listActiveByConnection(ConnectionId connection, Instant from, Instant to);

    /** The calendar query. */
    List<CalendarRow> calendar(CalendarCriteria criteria);
}
