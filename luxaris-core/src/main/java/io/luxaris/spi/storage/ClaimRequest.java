package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Lease;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Claim up to {@code limit} due pending schedules (next_attempt_at at or before the store's now, oldest first) of the
 * given channels, skipping the excluded connections, for {@code owner} with a lease of {@code leaseDuration}.
 * Schedules of the {@code startChannels} are claimed straight to processing (their last attempt at the store's now),
 * the others to queued.
 *
 * <p>The engine claims straight to processing only for channels that can look every post up: a schedule that is
 * processing when its holder dies is reaped as unconfirmed, and the reaper's lookup then finds out that it was never
 * sent and publishes it again. It saves the separate start transaction (and a second update of every schedule row).
 *
 * @param owner the engine instance that claims
 * @param limit the most schedules to claim
 * @param leaseDuration how long the lease lasts, at least one second
 * @param channels the channels to claim for
 * @param excludedConnections connections to skip (at their concurrency limit, or throttled)
 * @param startChannels channels (of {@code channels}) whose schedules are claimed straight to processing
 */
public record ClaimRequest(
        String owner,
        int limit,
        Duration leaseDuration,
        Set<ChannelId> channels,
        Set<ConnectionId> excludedConnections,
        Set<ChannelId> startChannels) {
    /**
     * Checks the components and copies the sets.
     *
     * @param owner the engine instance that claims
     * @param limit the most schedules to claim
     * @param leaseDuration how long the lease lasts, at least one second
     * @param channels the channels to claim for
     * @param excludedConnections connections to skip (at their concurrency limit, or throttled)
     * @param startChannels channels (of {@code channels}) whose schedules are claimed straight to processing
     * @throws IllegalArgumentException when the limit is not positive, the lease is shorter than one second or a
     *     start channel is not among the channels
     */
    public ClaimRequest {
        Objects.requireNonNull(owner, "owner");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("leaseDuration must be at least one second");
        }
        channels = Set.copyOf(channels);
        excludedConnections = Set.copyOf(excludedConnections);
        startChannels = Set.copyOf(startChannels);
        if (!channels.containsAll(startChannels)) {
            throw new IllegalArgumentException("startChannels must be among the channels claimed for");
        }
    }

    /**
     * A claim to queued only (no channel claimed straight to processing).
     *
     * @param owner the engine instance that claims
     * @param limit the most schedules to claim
     * @param leaseDuration how long the lease lasts, at least one second
     * @param channels the channels to claim for
     * @param excludedConnections connections to skip (at their concurrency limit, or throttled)
     */
    public ClaimRequest(
            String owner,
            int limit,
            Duration leaseDuration,
            Set<ChannelId> channels,
            Set<ConnectionId> excludedConnections) {
        this(owner, limit, leaseDuration, channels, excludedConnections, Set.of());
    }

    /**
     * Whether schedules of this channel are claimed straight to processing.
     *
     * @param channel a channel claimed for
     * @return whether it is one of the {@code startChannels}
     */
    public boolean startsAtClaim(ChannelId channel) {
        return startChannels.contains(channel);
    }

    /**
     * The state this claim gives a due pending schedule, as {@link ScheduleQueue#claim} stores it: queued (processing,
     * its last attempt at {@code now}, for a start channel), attempt count + 1, leased by the owner until {@code
     * leaseExpiresAt}, updated at {@code now}, version + 1.
     *
     * @param pending the schedule as read
     * @param now the store's now
     * @param leaseExpiresAt when the lease ends (a store may round it to what it keeps)
     * @return the claimed schedule
     */
    public Schedule claimed(Schedule pending, Instant now, Instant leaseExpiresAt) {
        Schedule.Builder b = pending.toBuilder();
        if (startsAtClaim(pending.channelId())) {
            b.status(ScheduleStatus.PROCESSING).lastAttemptAt(Optional.of(now));
        } else {
            b.status(ScheduleStatus.QUEUED);
        }
        return b.attemptCount(pending.attemptCount() + 1)
                .lease(Optional.of(new Lease(owner, leaseExpiresAt)))
                .updatedAt(now)
                .version(pending.version() + 1)
                .build();
    }
}
