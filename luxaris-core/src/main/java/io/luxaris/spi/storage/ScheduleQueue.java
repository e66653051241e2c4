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
    /** The store's current time. */
    Instant now();

    /**
     * Claims due pending schedules: status queued, attempt count + 1, lease (owner, now + lease duration), version
     * + 1. Returns the claimed schedules as stored. Two concurrent claims never return the same schedule.
     */
    List<Schedule> claim(ClaimRequest request);

    /**
     * Moves queued schedules to processing, each only if its fence still holds and its lease has not expired.
     * Returns the ids that moved; the caller must not publish the others.
     */
    List<ScheduleId> markProcessing(Collection<Fence> fences);

    /**
     * Writes the outcome of an attempt ({@code outcome} holds the new status, error, external ids, next attempt,
     * checkpoint; its lease is cleared) if the stored schedule still matches the fence: same attempt count, same
     * lease owner, status queued, processing or unconfirmed. Returns false, changing nothing, otherwise.
     */
    boolean complete(Fence fence, Schedule outcome);

    /**
     * {@link #complete} for several attempts in one call; element {@code i} of the answer says whether completion
     * {@code i} was written. Override to send them as one batch.
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
     * Extends to {@code leaseExpiresAt} the leases of those of {@code held} that are queued or processing and held
     * by {@code owner} (never shortens one); returns how many it holds. Leases of the owner that are not listed are
     * left to expire.
     */
    int heartbeat(String owner, Collection<ScheduleId> held, Instant leaseExpiresAt);

    /** Returns queued schedules to pending (a stopping engine gives back what it did not start). */
    List<Schedule> release(Collection<Fence> fences);

    /**
     * Schedules whose lease expired before now: queued ones back to pending, processing ones to unconfirmed
     * (keeping the lease owner so the holder's late, fenced outcome can still be recorded). At most {@code limit}.
     */
    ReapResult reap(int limit);

    /** The earliest next_attempt_at of a pending schedule of these channels. */
    Optional<Instant> nextDue(Set<ChannelId> channels);

    /**
     * The work waiting on these channels now: pending schedules due at or before the store's now (their count and
     * the earliest next attempt among them) and unconfirmed schedules. Read-only and cheap enough to be polled by
     * metrics (it runs on the claim index).
     */
    Backlog backlog(Set<ChannelId> channels);

    /**
     * Moves every pending schedule of the connection due before {@code until} to {@code until} (a rate limit
     * applies to the whole account). Returns how many moved.
     */
    int defer(ConnectionId connection, Instant until);
}
