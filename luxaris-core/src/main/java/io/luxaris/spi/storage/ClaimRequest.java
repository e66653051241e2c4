package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Claim up to {@code limit} due pending schedules (next_attempt_at at or before the store's now, oldest first) of the
 * given channels, skipping the excluded connections, for {@code owner} with a lease of {@code leaseDuration}.
 *
 * @param owner the engine instance that claims
 * @param limit the most schedules to claim
 * @param leaseDuration how long the lease lasts, at least one second
 * @param channels the channels to claim for
 * @param excludedConnections connections to skip (at their concurrency limit, or throttled)
 */
public record ClaimRequest(
        String owner,
        int limit,
        Duration leaseDuration,
        Set<ChannelId> channels,
        Set<ConnectionId> excludedConnections) {
    /**
     * Checks the components and copies the sets.
     *
     * @param owner the engine instance that claims
     * @param limit the most schedules to claim
     * @param leaseDuration how long the lease lasts, at least one second
     * @param channels the channels to claim for
     * @param excludedConnections connections to skip (at their concurrency limit, or throttled)
     * @throws IllegalArgumentException when the limit is not positive or the lease is shorter than one second
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
    }
}
