package io.luxaris.spi.storage;

import io.luxaris.domain.Schedule;
import java.util.Objects;

/**
 * The outcome of one attempt, to be written if its fence still holds ({@link ScheduleQueue#completeAll}).
 *
 * @param fence what the stored schedule must still match
 * @param outcome the schedule as it is after the attempt
 */
public record Completion(Fence fence, Schedule outcome) {
    /**
     * Checks the components are set.
     *
     * @param fence what the stored schedule must still match
     * @param outcome the schedule as it is after the attempt
     */
    public Completion {
        Objects.requireNonNull(fence, "fence");
        Objects.requireNonNull(outcome, "outcome");
    }
}
