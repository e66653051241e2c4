package io.luxaris.spi.storage;

import io.luxaris.spi.security.OwnerScope;
import java.time.Instant;
import java.util.Objects;

/**
 * What to count: schedules with run time in {@code [from, to)} of posts whose owner is in scope, grouped by any of
 * status, channel and connection (no grouping: one total).
 *
 * @param from the start, inclusive
 * @param to the end, exclusive
 * @param owners whose posts
 * @param byStatus group by schedule status
 * @param byChannel group by channel
 * @param byConnection group by connection
 */
public record ScheduleCountCriteria(
        Instant from, Instant to, OwnerScope owners, boolean byStatus, boolean byChannel, boolean byConnection) {
    /**
     * Checks the components.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @param owners whose posts
     * @param byStatus group by schedule status
     * @param byChannel group by channel
     * @param byConnection group by connection
     */
    public ScheduleCountCriteria {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(owners, "owners");
    }
}
