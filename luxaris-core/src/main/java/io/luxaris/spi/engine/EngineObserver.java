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

    /**
     * A claim asked for {@code asked} schedules and took {@code claimed}, of which {@code skipped} were skipped.
     *
     * @param asked how many schedules the claim asked for
     * @param claimed how many it took
     * @param skipped how many of those were completed as skipped at once
     */
    default void claimed(int asked, int claimed, int skipped) {}

    /**
     * A started job is about to call its channel, on the thread that will make the call. The attempt's due instant is
     * {@code job.schedule().nextAttemptAt()} and its start {@code job.schedule().lastAttemptAt()}; the returned scope
     * is closed with the result on the same thread.
     *
     * @param job the job
     * @return the scope of the attempt; default {@link PublishScope#NONE}
     */
    default PublishScope publishing(PublishJob job) {
        return PublishScope.NONE;
    }

    /**
     * {@code count} outcomes were written in one batch.
     *
     * @param count how many outcomes
     */
    default void outcomesWritten(int count) {}

    /**
     * The engine gave up waiting for a call at the publish timeout; it is recorded as unconfirmed.
     *
     * @param job the job whose call did not return in time
     */
    default void abandoned(PublishJob job) {}

    /**
     * A platform rate-limited the job's connection until {@code until}.
     *
     * @param job the job that was rate-limited
     * @param until when the connection may be used again
     */
    default void throttled(PublishJob job, Instant until) {}

    /**
     * Expired leases were handled: {@code requeued} back to pending, {@code unconfirmed} made unconfirmed.
     *
     * @param requeued how many schedules went back to pending
     * @param unconfirmed how many became unconfirmed
     */
    default void reaped(int requeued, int unconfirmed) {}

    /** One publish attempt in progress. */
    @FunctionalInterface
    interface PublishScope {
        /** A scope that does nothing. */
        PublishScope NONE = result -> {};

        /**
         * The attempt ended with {@code result} (including the engine's own failures).
         *
         * @param result the attempt's result
         */
        void close(JobResult result);
    }
}
