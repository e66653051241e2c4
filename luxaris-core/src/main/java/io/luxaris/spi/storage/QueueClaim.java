package io.luxaris.spi.storage;

import io.luxaris.domain.QueueId;
import io.luxaris.domain.Schedule;
import java.time.Instant;
import java.util.Objects;

/**
 * A slot of a queue claimed for a schedule. The slot is taken while the schedule is not cancelled and still runs at
 * the slot's time; otherwise the claim is stale and the slot free again.
 *
 * @param queue the queue
 * @param slot the slot's instant
 * @param schedule the schedule that claimed it, as stored now
 */
public record QueueClaim(QueueId queue, Instant slot, Schedule schedule) {
    /**
     * Checks the components are set.
     *
     * @param queue the queue
     * @param slot the slot's instant
     * @param schedule the schedule that claimed it
     */
    public QueueClaim {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** {@return whether the claim still holds its slot: the schedule is not cancelled and runs at the slot} */
    public boolean holdsSlot() {
        return schedule.status() != io.luxaris.domain.ScheduleStatus.CANCELLED
                && schedule.runAt().equals(slot);
    }
}
