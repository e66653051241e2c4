package io.luxaris.usecase;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Limits;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The channel catalog and channel connections: connect an account with its credentials (encrypted at rest by the
 * configured {@code SecretCipher}), list, reconnect, revoke, and check a connection's health.
 */
public interface Channels {
    /**
     * The channels registered on this instance (active), ordered by key.
     *
     * @param principal the acting principal
     * @return the registered channels
     */
    List<Channel> catalog(Principal principal);

    /**
     * The limits of a channel, for one connection when given (an account may have a larger allowance).
     *
     * @param principal the acting principal
     * @param channel the channel's key
     * @param connection a connection on it, or empty for the channel's own limits
     * @return the limits
     * @throws ValidationException when the channel is missing or not registered ({@code channel})
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the connection
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    ChannelLimits limits(Principal principal, String channel, Optional<ConnectionId> connection);

    /** The longest text {@link #measure} takes: the longest content a post or variant may have. */
    int MAX_MEASURED_TEXT = Math.max(Limits.BASE_CONTENT, Limits.VARIANT_CONTENT);

    /**
     * How long {@code text} is as the channel counts it (X: weighted characters). At most {@link #MAX_MEASURED_TEXT}
     * characters (rule {@code max_length} on {@code text}).
     *
     * @param principal the acting principal
     * @param channel the channel's key
     * @param text the text to measure
     * @return its length in the channel's unit
     * @throws ValidationException when {@code text} is missing or too long, or {@code channel} is missing or not
     *     registered
     */
    int measure(Principal principal, String channel, String text);

    /**
     * Connects an account: stores the connection, connected, with its credentials encrypted.
     *
     * @param principal the acting principal, owner of the connection
     * @param request the channel, display name, credentials and properties
     * @return the stored connection (it carries no secret)
     * @throws ValidationException when {@code channel} is unknown, {@code displayName} is blank or too long, {@code
     *     credentials} are missing, empty, too many, blank or too long (or their expiry times out of range), or {@code
     *     properties} are too many or too long
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not create connections
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    ChannelConnection connect(Principal principal, ConnectionRequest request);

    /**
     * Replaces the credentials of a connection (after the user authorized again) and marks it connected. A missing
     * refresh token in the new credentials keeps the stored one.
     *
     * @param principal the acting principal
     * @param id the connection's id
     * @param credentials what the new authorization obtained
     * @return the stored connection, connected
     * @throws ValidationException when {@code credentials} are missing, empty, too many, blank or too long
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the connection
     * @throws io.luxaris.errors.ConflictException when the connection changed concurrently
     * @throws SecurityException when the stored credentials cannot be decrypted (sealed with a key this instance does
     *     not hold, or altered): connect the account again instead
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    ChannelConnection reconnect(Principal principal, ConnectionId id, Credentials credentials);

    /**
     * Changes the display name and properties of a connection.
     *
     * @param principal the acting principal
     * @param id the connection's id
     * @param displayName the new display name
     * @param properties the new properties, replacing the old ones
     * @return the stored connection
     * @throws ValidationException when {@code displayName} is blank or too long, or {@code properties} are too many or
     *     too long
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the connection
     * @throws io.luxaris.errors.ConflictException when the connection changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    ChannelConnection rename(
            Principal principal, ConnectionId id, String displayName, java.util.Map<String, String> properties);

    /**
     * The principal's connections (those its access policy lets it see), oldest first.
     *
     * @param principal the acting principal
     * @return the connections, of every status
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<ChannelConnection> list(Principal principal);

    /**
     * One connection.
     *
     * @param principal the acting principal
     * @param id the connection's id
     * @return the connection
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the connection
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    ChannelConnection get(Principal principal, ConnectionId id);

    /**
     * Revokes a connection: nothing more is published through it (pending schedules are skipped with a reason when they
     * come due). Stored credentials are erased. Revoking a revoked connection returns it unchanged.
     *
     * @param principal the acting principal
     * @param id the connection's id
     * @return the revoked connection
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the connection
     * @throws io.luxaris.errors.ConflictException when the connection changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    ChannelConnection revoke(Principal principal, ConnectionId id);

    /**
     * Status, token expiry and whether the user must (or soon must) reconnect. Stored credentials that cannot be
     * decrypted (sealed with a key this instance does not hold, or altered) make the connection unusable: it is
     * reported in {@code error}, with the reason, as needing a reconnect.
     *
     * @param principal the acting principal
     * @param id the connection's id
     * @return the connection's health
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the connection
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    ConnectionHealth health(Principal principal, ConnectionId id);
}
