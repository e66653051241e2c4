package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A principal's account on a channel ("@miller_28 on X"). Carries no secret: credentials are stored encrypted beside it
 * and reach only the channel publisher. {@code properties} hold non-secret account facts a channel needs (author URN,
 * username, a larger text limit...).
 *
 * @param id the connection's id
 * @param ownerPrincipalId the principal who connected it
 * @param channelId the channel it is on
 * @param displayName the name shown to the user, such as {@code @alice}
 * @param status whether it can be published through
 * @param statusReason why it is not connected, safe to show
 * @param properties non-secret account facts for the channel, in insertion order
 * @param credentialsExpireAt when the access token expires, when known
 * @param refreshExpiresAt when the refresh token expires, when known
 * @param createdAt when it was connected first
 * @param updatedAt when it last changed
 * @param lastUsedAt when something was last published through it, to the minute (the engine records a use when
 *     the one before is a minute old or more)
 * @param version the optimistic-locking version, incremented by the storage on each update
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
    /**
     * Checks the components and copies the properties.
     *
     * @param id the connection's id
     * @param ownerPrincipalId the principal who connected it
     * @param channelId the channel it is on
     * @param displayName the name shown to the user, such as {@code @alice}
     * @param status whether it can be published through
     * @param statusReason why it is not connected, safe to show
     * @param properties non-secret account facts for the channel, in insertion order
     * @param credentialsExpireAt when the access token expires, when known
     * @param refreshExpiresAt when the refresh token expires, when known
     * @param createdAt when it was connected first
     * @param updatedAt when it last changed
     * @param lastUsedAt when something was last published through it, to the minute (the engine records a use when
     *     the one before is a minute old or more)
     * @param version the optimistic-locking version, incremented by the storage on each update
     * @throws IllegalArgumentException when the owner or display name is blank or the version is negative
     */
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

    /** {@return whether the connection can be published through (status {@code CONNECTED})} */
    public boolean isConnected() {
        return status == ConnectionStatus.CONNECTED;
    }

    /**
     * One of the account's properties.
     *
     * @param key the property's key, such as the channel's username property
     * @return its value, or empty when it is not set
     */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /**
     * This connection in another status, with the reason shown to the user.
     *
     * @param to the new status
     * @param reason why, safe to show; empty when it is connected again
     * @param now the time of the change
     * @return the changed copy
     * @throws io.luxaris.errors.ConflictException when the lifecycle forbids the move
     */
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

    /**
     * This connection with new credential expiry times (after a reconnect or a token refresh).
     *
     * @param expiresAt when the access token expires, when known
     * @param refreshExpiry when the refresh token expires, when known
     * @param now the time of the change
     * @return the changed copy
     */
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

    /**
     * This connection with another display name and properties.
     *
     * @param newDisplayName the display name
     * @param newProperties the properties, replacing the old ones
     * @param now the time of the change
     * @return the changed copy
     */
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

    /**
     * This connection with the time it was last used; {@code updatedAt} stays.
     *
     * @param at when something was published through it
     * @return the changed copy
     */
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
