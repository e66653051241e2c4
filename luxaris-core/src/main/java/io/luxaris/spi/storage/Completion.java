package io.luxaris.spi.storage;

import io.luxaris.domain.Schedule;
import java.util.Objects;

/** The outcome of one attempt, to be written if its fence still holds ({@link ScheduleQueue#completeAll}). */
public record Completion(Fence fence, Schedule outcome) {
    public Completion {
        Objects.requireNonNull(fence, "fence");
        Objects.requireNonNull(outcome, "outcome");
    }
}
