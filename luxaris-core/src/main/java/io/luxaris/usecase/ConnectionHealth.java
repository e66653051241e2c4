package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * How usable a connection is: its status and why, when its access token and refresh token expire, whether Luxaris
 * can refresh it by itself, and whether the user must reconnect (now, or soon because the token expires within
 * the warning period and cannot be refreshed).
 */
public record ConnectionHealth(
        ConnectionId id,
        ConnectionStatus status,
        Optional<String> reason,
        Optional<Instant> tokenExpiresAt,
        Optional<Instant> refreshTokenExpiresAt,
        boolean refreshable,
        boolean needsReauthorization,
        boolean reauthorizeSoon,
        Optional<Instant> lastUsedAt) {}
