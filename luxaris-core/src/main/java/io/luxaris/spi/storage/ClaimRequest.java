package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Claim up to {@code limit} due pending schedules (next_attempt_at at or before the store's now, oldest first) of
 * the given channels, skipping the excluded connections, for {@code owner} with a lease of {@code leaseDuration}.
 */
public record ClaimRequest(
        String owner,
        int limit,
        Duration leaseDuration,
        Set<ChannelId> channels,
        Set<ConnectionId> excludedConnections) {
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
