package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ScheduleStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * One group of a schedule count; a component is present exactly when the count is grouped by it.
 *
 * @param status the schedules' status
 * @param channel their channel
 * @param connection their connection
 * @param count how many schedules the group holds, at least 1
 */
public record ScheduleCountRow(
        Optional<ScheduleStatus> status, Optional<ChannelId> channel, Optional<ConnectionId> connection, long count) {
    /**
     * Checks the components.
     *
     * @param status the schedules' status
     * @param channel their channel
     * @param connection their connection
     * @param count how many schedules the group holds
     * @throws IllegalArgumentException when the count is negative
     */
    public ScheduleCountRow {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(connection, "connection");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }
}
