package io.luxaris.domain;

import io.luxaris.domain.rules.Lifecycle;
import io.luxaris.internal.Args;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A principal's account on a channel ("@miller_28 on X"). Carries no secret: credentials are stored encrypted
 * beside it and reach only the channel publisher. {@code properties} hold non-secret account facts a channel
 * needs (author URN, username, a larger text limit...).
 */
public record ChannelConnection(
        ConnectionId id,
        String ownerPrincipalId,
        ChannelId channelId,
        String displayName,
        ConnectionStatus status,
        Optional<String> statusReason,
        Map<String, String> properties,
        Optional<Instant> credentialsExpireAt,
        Optional<Instant> refreshExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> lastUsedAt,
        long version) {
    public ChannelConnection {
        Objects.requireNonNull(id, "id");
        Args.nonBlank(ownerPrincipalId, "ownerPrincipalId");
        Objects.requireNonNull(channelId, "channelId");
        Args.nonBlank(displayName, "displayName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        properties = Args.orderedCopy(properties, "properties");
        Objects.requireNonNull(credentialsExpireAt, "credentialsExpireAt");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Args.notNegative(version, "version");
    }

    public boolean isConnected() {
        return status == ConnectionStatus.CONNECTED;
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** This connection in another status, with the reason shown to the user. */
    public ChannelConnection withStatus(ConnectionStatus to, Optional<String> reason, Instant now) {
        Lifecycle.requireConnection(id, status, to);
        return new ChannelConnection(
                id,
                ownerPrincipalId,
                channelId,
                displayName,
                to,
                reason,
                properties,
                credentialsExpireAt,
                refreshExpiresAt,
                createdAt,
                now,
                lastUsedAt,
                version);
    }

    public ChannelConnection withCredentialExpiry(
            Optional<Instant> expiresAt, Optional<Instant> refreshExpiry, Instant now) {
        return new ChannelConnection(
                id,
                ownerPrincipalId,
                channelId,
                displayName,
                status,
                statusReason,
                properties,
                expiresAt,
                refreshExpiry,
                createdAt,
                now,
                lastUsedAt,
                version);
    }

    public ChannelConnection withDetails(String newDisplayName, Map<String, String> newProperties, Instant now) {
        return new ChannelConnection(
                id,
                ownerPrincipalId,
                channelId,
                newDisplayName,
                status,
                statusReason,
                newProperties,
                credentialsExpireAt,
                refreshExpiresAt,
                createdAt,
                now,
                lastUsedAt,
                version);
    }

    public ChannelConnection withLastUsedAt(Instant at) {
        return new ChannelConnection(
                id,
                ownerPrincipalId,
                channelId,
                displayName,
                status,
                statusReason,
                properties,
                credentialsExpireAt,
                refreshExpiresAt,
                createdAt,
                updatedAt,
                Optional.of(at),
                version);
    }
}
