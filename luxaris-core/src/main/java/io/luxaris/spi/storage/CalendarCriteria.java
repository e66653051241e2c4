package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Cursor;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.spi.security.OwnerScope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Schedules whose {@code run_at} is in {@code [from, to)}, of posts owned by {@code owners}, ordered by run_at then id.
 * Empty sets mean "any".
 *
 * @param from the start of the range, inclusive
 * @param to the end of the range, exclusive
 * @param owners whose posts
 * @param channels only these channels
 * @param connections only these connections
 * @param tag only posts with this tag
 * @param postStatuses only posts in these statuses
 * @param scheduleStatuses only schedules in these statuses
 * @param after the position (run_at, schedule id) of the last row of the previous page
 * @param limit the most rows to return
 */
public record CalendarCriteria(
        Instant from,
        Instant to,
        OwnerScope owners,
        Set<ChannelId> channels,
        Set<ConnectionId> connections,
        Optional<String> tag,
        Set<PostStatus> postStatuses,
        Set<ScheduleStatus> scheduleStatuses,
        Optional<Cursor> after,
        int limit) {
    /**
     * Checks the components and copies the sets.
     *
     * @param from the start of the range, inclusive
     * @param to the end of the range, exclusive
     * @param owners whose posts
     * @param channels only these channels
     * @param connections only these connections
     * @param tag only posts with this tag
     * @param postStatuses only posts in these statuses
     * @param scheduleStatuses only schedules in these statuses
     * @param after the position (run_at, schedule id) of the last row of the previous page
     * @param limit the most rows to return
     * @throws IllegalArgumentException when the limit is not positive
     */
    public CalendarCriteria {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(owners, "owners");
        channels = Set.copyOf(channels);
        connections = Set.copyOf(connections);
        Objects.requireNonNull(tag, "tag");
        postStatuses = Set.copyOf(postStatuses);
        scheduleStatuses = Set.copyOf(scheduleStatuses);
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
