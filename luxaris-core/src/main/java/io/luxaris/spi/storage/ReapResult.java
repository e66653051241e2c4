package io.luxaris.spi.storage;

import io.luxaris.domain.Schedule;
import java.util.List;

/**
 * Schedules whose lease expired: those still queued went back to pending (the channel was never called), those
 * processing became unconfirmed (it may have been).
 *
 * @param requeued the schedules back to pending
 * @param unconfirmed the schedules now unconfirmed
 */
public record ReapResult(List<Schedule> requeued, List<Schedule> unconfirmed) {
    /**
     * Copies the lists.
     *
     * @param requeued the schedules back to pending
     * @param unconfirmed the schedules now unconfirmed
     */
    public ReapResult {
        requeued = List.copyOf(requeued);
        unconfirmed = List.copyOf(unconfirmed);
    }

    /** {@return whether nothing was reaped} */
    public boolean isEmpty() {
        return requeued.isEmpty() && unconfirmed.isEmpty();
    }
}
