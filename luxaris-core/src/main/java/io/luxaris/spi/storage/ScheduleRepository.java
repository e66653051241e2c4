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
    /**
     * Stores a new schedule.
     *
     * @param schedule the schedule
     */
    void insert(Schedule schedule);

    /**
     * Versioned update; returns the stored record.
     *
     * @param schedule the schedule as changed, with the version it was read at
     * @return the stored schedule, version + 1
     * @throws io.luxaris.errors.ConflictException when the stored version is another one
     */
    Schedule update(Schedule schedule);

    /**
     * One schedule.
     *
     * @param id the schedule's id
     * @return the schedule, or empty when it does not exist
     */
    Optional<Schedule> find(ScheduleId id);

    /**
     * Schedules of a post, by run_at then id.
     *
     * @param post the post's id
     * @return its schedules
     */
    List<Schedule> listByPost(PostId post);

    /**
     * The schedules of these posts, in no particular order; override to read them in one query.
     *
     * @param posts the posts' ids
     * @return their schedules
     */
    default List<Schedule> listByPosts(Collection<PostId> posts) {
        var all = new ArrayList<Schedule>();
        for (PostId post : posts) {
            all.addAll(listByPost(post));
        }
        return all;
    }

    /**
     * The status rows of these posts' schedules (post, target, status, follow-up flag), in no particular order: what
     * post statuses are derived from, read after every batch of outcomes. Override it to read only these columns;
     * the default reads the schedules whole ({@link #listByPosts}).
     *
     * @param posts the posts' ids
     * @return a row per schedule of these posts
     */
    default List<ScheduleStatusRow> statusesByPosts(Collection<PostId> posts) {
        var rows = new ArrayList<ScheduleStatusRow>();
        for (Schedule schedule : listByPosts(posts)) {
            rows.add(ScheduleStatusRow.of(schedule));
        }
        return rows;
    }

    /**
     * Schedules of a variant, by run_at then id.
     *
     * @param variant the variant's id
     * @return its schedules
     */
    List<Schedule> listByVariant(VariantId variant);

    /**
     * Active (pending, queued, processing) and held (awaiting approval) schedules of a connection with run_at in
     * [from, to), by run_at: those the rate limits count.
     *
     * @param connection the connection's id
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the schedules
     */
    List<Schedule> listActiveByConnection(ConnectionId connection, Instant from, Instant to);

    /**
     * The calendar query. Follow-up schedules ({@link Schedule#isFollowUp()}) are left out: they are parts of a post,
     * not posts.
     *
     * @param criteria range, owners, filters, position and limit
     * @return at most {@code criteria.limit()} rows, by run_at then schedule id
     */
    List<CalendarRow> calendar(CalendarCriteria criteria);

    /**
     * Stores new schedules; override to send them as one batch.
     *
     * @param schedules the schedules
     */
    default void insertAll(List<Schedule> schedules) {
        for (Schedule schedule : schedules) {
            insert(schedule);
        }
    }

    /**
     * Counts schedules in a range, grouped as asked, with one query; follow-up schedules are not counted.
     *
     * @param criteria range, owners and grouping
     * @return the non-empty groups, in no particular order
     */
    List<ScheduleCountRow> counts(ScheduleCountCriteria criteria);
}
