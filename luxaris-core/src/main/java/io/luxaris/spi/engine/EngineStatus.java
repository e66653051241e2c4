package io.luxaris.spi.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot: whether the engine runs, how many publishes are in flight, how many claimed schedules wait for a
 * free slot, the outcomes waiting to be written, and when the next schedule is due.
 */
public record EngineStatus(
        boolean running,
        int inFlight,
        int queued,
        int pendingCompletions,
        Optional<Instant> nextDue,
        String instanceId) {
    public EngineStatus {
        Objects.requireNonNull(nextDue, "nextDue");
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
