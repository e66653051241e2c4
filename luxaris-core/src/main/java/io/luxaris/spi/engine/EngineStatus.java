package io.luxaris.spi.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot: whether the background engine runs, how many publishes are in flight, how many claimed schedules wait for
 * a free slot, the outcomes waiting to be written, when the next schedule is due, and what a health check needs.
 *
 * @param running the background engine was started and is not stopping
 * @param inFlight publishes in flight
 * @param queued claimed schedules waiting for a free slot
 * @param pendingCompletions outcomes waiting to be written
 * @param nextDue when the next schedule is due, when known
 * @param instanceId the engine's lease owner name
 * @param draining the engine is stopping: it claims nothing and waits for its calls to return
 * @param loopAlive the background loop's thread is alive (false while {@code running} means it died)
 * @param lastLoopAt when the background loop last went round (it sleeps at most {@code maxIdleSleep}, or pauses
 *     up to 30 s after a storage failure, between rounds); empty before the first
 * @param abandoned calls the engine gave up at the publish timeout that have not returned yet (each holds a thread;
 *     a channel holding a quarter of {@code maxConcurrency} of them is not claimed for until they return)
 */
public record EngineStatus(
        boolean running,
        int inFlight,
        int queued,
        int pendingCompletions,
        Optional<Instant> nextDue,
        String instanceId,
        boolean draining,
        boolean loopAlive,
        Optional<Instant> lastLoopAt,
        int abandoned) {
    /**
     * Checks the components are set.
     *
     * @param running the background engine was started and is not stopping
     * @param inFlight publishes in flight
     * @param queued claimed schedules waiting for a free slot
     * @param pendingCompletions outcomes waiting to be written
     * @param nextDue when the next schedule is due, when known
     * @param instanceId the engine's lease owner name
     * @param draining the engine is stopping: it claims nothing and waits for its calls to return
     * @param loopAlive the background loop's thread is alive (false while {@code running} means it died)
     * @param lastLoopAt when the background loop last went round (it sleeps at most {@code maxIdleSleep}, or pauses up
     *     to 30 s after a storage failure, between rounds); empty before the first
     * @param abandoned calls given up at the publish timeout that have not returned yet
     */
    public EngineStatus {
        Objects.requireNonNull(nextDue, "nextDue");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(lastLoopAt, "lastLoopAt");
    }
}
