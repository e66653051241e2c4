package io.luxaris.spi.engine;

import java.time.Instant;

/**
 * Sees what the publishing engine does, for metrics and tracing (the Micrometer module implements it). Called on
 * the engine's and the publish threads: implementations must be fast and thread-safe; one that throws is logged
 * and otherwise ignored, never stopping the engine. Every method has a no-op default.
 */
public interface EngineObserver {
    /** Observes nothing. */
    EngineObserver NONE = new EngineObserver() {};

    /** A claim asked for {@code asked} schedules and took {@code claimed}, of which {@code skipped} were skipped. */
    default void claimed(int asked, int claimed, int skipped) {}

    /**
     * A started job is about to call its channel, on the thread that will make the call. The attempt's due instant is
     * {@code job.schedule().nextAttemptAt()} and its start {@code job.schedule().lastAttemptAt()}; the returned scope
     * is closed with the result on the same thread.
     */
    default PublishScope publishing(PublishJob job) {
        return PublishScope.NONE;
    }

    /** {@code count} outcomes were written in one batch. */
    default void outcomesWritten(int count) {}

    /** The engine gave up waiting for a call at the publish timeout; it is recorded as unconfirmed. */
    default void abandoned(PublishJob job) {}

    /** A platform rate-limited the job's connection until {@code until}. */
    default void throttled(PublishJob job, Instant until) {}

    /** Expired leases were handled: {@code requeued} back to pending, {@code unconfirmed} made unconfirmed. */
    default void reaped(int requeued, int unconfirmed) {}

    /** One publish attempt in progress. */
    @FunctionalInterface
    interface PublishScope {
        PublishScope NONE = result -> {};

        /** The attempt ended with {@code result} (including the engine's own failures). */
        void close(JobResult result);
    }
}
