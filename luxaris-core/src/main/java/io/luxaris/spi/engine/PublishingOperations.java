package io.luxaris.spi.engine;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.spi.storage.Fence;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of publishing, provided by Luxaris core, from which an engine is built: claim → start (processing,
 * committed) → publish (the channel call, no transaction held) → complete (one transaction for a batch). All
 * steps go through the storage SPI only.
 */
public interface PublishingOperations {
    /** {@return the store's now} */
    Instant now();

    /**
     * Claims up to {@code limit} due schedules for this instance, skipping connections in {@code busy}. Schedules that
     * must not be published (post archived, variant gone, connection revoked, too late) are completed as skipped at
     * once and only counted. Jobs of channels that can look every post up come back already {@code processing}
     * ({@link io.luxaris.spi.channel.ChannelPublisher#supportsLookupForEveryRequest()}), the others {@code queued}.
     *
     * @param limit the most schedules to claim
     * @param busy connections to skip
     * @return the claimed jobs and the count of skipped ones
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    default ClaimedJobs claim(int limit, Set<ConnectionId> busy) {
        return claim(limit, busy, Set.of());
    }

    /**
     * {@link #claim(int, Set)}, leaving out the channels in {@code busyChannels} too (at their concurrency limit, or
     * held back because their platform hangs).
     *
     * @param limit the most schedules to claim
     * @param busy connections to skip
     * @param busyChannels channels to skip
     * @return the claimed jobs and the count of skipped ones
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    ClaimedJobs claim(int limit, Set<ConnectionId> busy, Set<ChannelId> busyChannels);

    /**
     * Moves jobs to processing in one commit; returns those whose fence and lease held (only these may run). Jobs
     * claimed straight to processing start without a commit of their own while within half a lease of their claim.
     *
     * @param jobs claimed jobs
     * @return the jobs that may be published
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    List<PublishJob> start(List<PublishJob> jobs);

    /**
     * Calls the channel for a started job and interprets the outcome: an expired token is refreshed once and the call
     * repeated, an unknown outcome is looked up when the channel can. Never throws for channel failures.
     *
     * @param job a started job
     * @return the outcome with the call's times
     */
    JobResult publish(PublishJob job);

    /**
     * Writes outcomes in one transaction (schedule, publish event, variant, post, connection) and then notifies
     * listeners. Outcomes whose fence no longer holds are ignored. Throws {@code StorageException} when the store
     * fails; the caller keeps the results and tries again. Returns what the outcomes did (published, failed, retried,
     * unconfirmed).
     *
     * @param results the outcomes to write
     * @return what the written outcomes did
     * @throws io.luxaris.errors.StorageException when the store fails; nothing of the batch is written
     */
    RunReport complete(List<JobResult> results);

    /**
     * Gives claimed jobs whose channel call never started back (pending again), also those claimed straight to
     * processing. Never pass a job whose call started.
     *
     * @param jobs the jobs to give back
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    void release(Collection<PublishJob> jobs);

    /**
     * Extends the leases of the claims the engine still holds ({@code held}: waiting, running, or with an outcome not
     * yet written) and only those: a claim the engine lost track of expires and is reaped. Returns how many leases were
     * extended.
     *
     * @param held the claims the engine holds
     * @return how many leases were extended
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    int heartbeat(Collection<Fence> held);

    /**
     * Housekeeping: handles expired leases of every instance, then materialises the occurrences of recurring series
     * that came within their horizon; returns how many schedules the lease handling changed.
     *
     * @return how many schedules were requeued or made unconfirmed
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    int reap();

    /**
     * When the next pending schedule this instance can publish is due.
     *
     * @return the due time, or empty when nothing is pending
     * @throws io.luxaris.errors.StorageException when the store fails
     */
    Optional<Instant> nextDue();

    /**
     * The lease owner of this instance.
     *
     * @return the instance id
     */
    String instanceId();
}
