package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ScheduleStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * How many schedules one group holds; a component is present exactly when the count is grouped by it.
 *
 * @param status the schedules' status
 * @param channel their channel's key
 * @param connection their connection
 * @param count how many schedules the group holds
 */
public record ScheduleCount(
        Optional<ScheduleStatus> status, Optional<String> channel, Optional<ConnectionId> connection, long count) {
    /**
     * Checks the components.
     *
     * @param status the schedules' status
     * @param channel their channel's key
     * @param connection their connection
     * @param count how many schedules the group holds
     */
    public ScheduleCount {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(connection, "connection");
    }
}
