package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * How usable a connection is: its status and why, when its access token and refresh token expire, whether Luxaris can
 * refresh it by itself, and whether the user must reconnect (now, or soon because the token expires within the warning
 * period and cannot be refreshed).
 *
 * @param id the connection's id
 * @param status its status ({@code error} also when its stored credentials cannot be decrypted)
 * @param reason why it is not connected, safe to show
 * @param tokenExpiresAt when the access token expires, when known
 * @param refreshTokenExpiresAt when the refresh token expires, when known
 * @param refreshable whether Luxaris can refresh the access token by itself
 * @param needsReauthorization whether the user must reconnect now
 * @param reauthorizeSoon whether the user must reconnect within {@link io.luxaris.domain.rules.SchedulingRules#REAUTHORIZE_WARNING}
 * @param lastUsedAt when something was last published through it, to the minute (the engine records a use when
 *     the one before is a minute old or more)
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
