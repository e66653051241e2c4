package io.luxaris.spi.engine;

import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.Objects;

/** The outcome of publishing one job, with when the call started and ended. */
public record JobResult(PublishJob job, PublishOutcome outcome, Instant startedAt, Instant finishedAt) {
    public JobResult {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
