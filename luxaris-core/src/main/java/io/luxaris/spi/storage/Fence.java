package io.luxaris.spi.storage;

import io.luxaris.domain.ScheduleId;
import java.util.Objects;

/**
 * What a claim holder must still match for its write to count: the attempt number and the lease owner.
 *
 * @param id the schedule's id
 * @param attempt the attempt count of the claim
 * @param owner the engine instance holding the lease
 */
public record Fence(ScheduleId id, int attempt, String owner) {
    /**
     * Checks the components are set.
     *
     * @param id the schedule's id
     * @param attempt the attempt count of the claim
     * @param owner the engine instance holding the lease
     */
    public Fence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
    }
}
