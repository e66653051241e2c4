package io.luxaris.spi.engine;

import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of publishing one job, with when the call started and ended.
 *
 * @param job the job
 * @param outcome what the channel call (or the lookup after it) achieved
 * @param startedAt when the call started
 * @param finishedAt when it ended
 * @param settledUnknown the unknown outcome of the channel call when a lookup right after it settled the question:
 *     {@code outcome} is then what the lookup found, and the attempt is recorded as unconfirmed, then reconciled,
 *     exactly as when {@code schedules().reconcile(...)} settles it later
 */
public record JobResult(
        PublishJob job,
        PublishOutcome outcome,
        Instant startedAt,
        Instant finishedAt,
        Optional<PublishOutcome.Failed> settledUnknown) {
    /**
     * Checks the components are set.
     *
     * @param job the job
     * @param outcome what the channel call (or the lookup after it) achieved
     * @param startedAt when the call started
     * @param finishedAt when it ended
     * @param settledUnknown the unknown outcome of the channel call when a lookup right after it settled the question:
     *     {@code outcome} is then what the lookup found, and the attempt is recorded as unconfirmed, then reconciled,
     *     exactly as when {@code schedules().reconcile(...)} settles it later
     */
    public JobResult {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(settledUnknown, "settledUnknown");
    }

    /**
     * The outcome of a call that was not looked up afterwards.
     *
     * @param job the job
     * @param outcome what the channel call achieved
     * @param startedAt when the call started
     * @param finishedAt when it ended
     */
    public JobResult(PublishJob job, PublishOutcome outcome, Instant startedAt, Instant finishedAt) {
        this(job, outcome, startedAt, finishedAt, Optional.empty());
    }
}
