package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's view of schedules: claim due work with a lease, move it to processing, write the outcome, keep
 * leases alive and reap the expired ones. Every transition is fenced so that several engine instances can share
 * one store and a late writer changes nothing. "Now" is the store's clock (the database clock for SQL stores).
 */
public interface ScheduleQueue {
    /** {@return the store's current time} */
    Instant now();

    /**
     * Claims due pending schedules: status queued (processing, with the last attempt at now, for the request's
     * {@linkplain ClaimRequest#startChannels start channels}), attempt count + 1, lease (owner, now + lease
     * duration), version + 1. Returns the claimed schedules as stored. Two concurrent claims never return the same
     * schedule.
     *
     * @param request owner, limit, lease, channels and excluded connections
     * @return the claimed schedules, as stored
     */
    List<Schedule> claim(ClaimRequest request);

    /**
     * Moves queued schedules to processing, each only if its fence still holds and its lease has not expired. Returns
     * the ids that moved; the caller must not publish the others.
     *
     * @param fences the claims to move on
     * @return the ids of the schedules that moved to processing
     */
    List<ScheduleId> markProcessing(Collection<Fence> fences);

    /**
     * Writes the outcome of an attempt ({@code outcome} holds the new status, error, external ids, next attempt,
     * checkpoint; its lease is cleared) if the stored schedule still matches the fence: same attempt count, same lease
     * owner, status queued, processing or unconfirmed. Returns false, changing nothing, otherwise.
     *
     * @param fence what the stored schedule must still match
     * @param outcome the schedule as it is after the attempt
     * @return whether the outcome was written
     */
    boolean complete(Fence fence, Schedule outcome);

    /**
     * {@link #complete} for several attempts in one call; element {@code i} of the answer says whether completion
     * {@code i} was written. Override to send them as one batch.
     *
     * @param completions the outcomes with their fences
     * @return per completion, whether it was written
     */
    default boolean[] completeAll(List<Completion> completions) {
        boolean[] written = new boolean[completions.size()];
        for (int i = 0; i < written.length; i++) {
            Completion c = completions.get(i);
            written[i] = complete(c.fence(), c.outcome());
        }
        return written;
    }

    /**
     * Extends to {@code leaseExpiresAt} the leases of those of {@code held} that are queued or processing and held by
     * {@code owner} (never shortens one); returns how many it holds. Leases of the owner that are not listed are left
     * to expire.
     *
     * @param owner the engine instance
     * @param held the schedules it works on
     * @param leaseExpiresAt the new end of their leases
     * @return how many leases it still holds
     */
    int heartbeat(String owner, Collection<ScheduleId> held, Instant leaseExpiresAt);

    /**
     * Returns claimed schedules whose channel call never started to pending: queued ones, and ones claimed straight to
     * processing (a stopping engine gives back what it did not start), each only while its fence holds. The caller
     * must never release a schedule whose channel call started.
     *
     * @param fences the claims to give back
     * @return the schedules released, as stored
     */
    List<Schedule> release(Collection<Fence> fences);

    /**
     * Schedules whose lease expired before now: queued ones back to pending, processing ones to unconfirmed (keeping
     * the lease owner so the holder's late, fenced outcome can still be recorded). At most {@code limit}.
     *
     * @param limit the most schedules to reap
     * @return what was reaped
     */
    ReapResult reap(int limit);

    /**
     * The earliest next_attempt_at of a pending schedule of these channels.
     *
     * @param channels the channels
     * @return the earliest due time, or empty when nothing is pending
     */
    Optional<Instant> nextDue(Set<ChannelId> channels);

    /**
     * The work waiting on these channels now: pending schedules due at or before the store's now (their count and
     * the earliest next attempt among them) and unconfirmed schedules. Read-only and cheap enough to be polled by
     * metrics (it runs on the claim index).
     *
     * @param channels the channels whose schedules count
     * @return the due count, the oldest due instant and the unconfirmed count, as of the store's now
     */
    Backlog backlog(Set<ChannelId> channels);

    /**
     * Moves every pending schedule of the connection due before {@code until} to {@code until} (a rate limit applies to
     * the whole account). Returns how many moved.
     *
     * @param connection the throttled connection
     * @param until when it may be used again
     * @return how many schedules moved
     */
    int defer(ConnectionId connection, Instant until);
}
