package io.luxaris.usecase;

import io.luxaris.domain.QueueId;
import io.luxaris.domain.ScheduleId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A time slot of a queue, free or taken by a schedule.
 *
 * @param queue the queue
 * @param at the slot's instant
 * @param zone the queue's zone
 * @param schedule the schedule in the slot; empty when the slot is free
 */
public record QueueSlot(QueueId queue, Instant at, ZoneId zone, Optional<ScheduleId> schedule) {
    /**
     * Checks the components are set.
     *
     * @param queue the queue
     * @param at the slot's instant
     * @param zone the queue's zone
     * @param schedule the schedule in the slot; empty when the slot is free
     */
    public QueueSlot {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** {@return the slot as a wall-clock time in the queue's zone} */
    public ZonedDateTime localTime() {
        return at.atZone(zone);
    }

    /** {@return whether no schedule holds the slot} */
    public boolean isFree() {
        return schedule.isEmpty();
    }
}
