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
 * Schedules whose {@code run_at} is in {@code [from, to)}, of posts owned by {@code owners}, ordered by run_at then
 * id. Empty sets mean "any".
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
