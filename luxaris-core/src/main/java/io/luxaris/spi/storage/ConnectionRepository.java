package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.spi.security.OwnerScope;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Channel connections and their sealed (encrypted) credentials. */
public interface ConnectionRepository {
    /**
     * Stores a new connection with its credentials.
     *
     * @param connection the connection
     * @param sealedCredentials its credentials, encrypted by the {@code SecretCipher}
     */
    void insert(ChannelConnection connection, byte[] sealedCredentials);

    /**
     * Versioned update of everything but the credentials; returns the stored record.
     *
     * @param connection the connection as changed, with the version it was read at
     * @return the stored connection, version + 1
     * @throws io.luxaris.errors.ConflictException when the stored version is another one
     */
    ChannelConnection update(ChannelConnection connection);

    /**
     * One connection.
     *
     * @param id the connection's id
     * @return the connection, or empty when it does not exist
     */
    Optional<ChannelConnection> find(ConnectionId id);

    /**
     * The connections with these ids that exist (missing ids are left out). The engine reads a claimed batch's
     * connections with one call; override it to read them in one query.
     *
     * @param ids the ids
     * @return the connections found, by id
     */
    default Map<ConnectionId, ChannelConnection> findAll(Collection<ConnectionId> ids) {
        var found = new LinkedHashMap<ConnectionId, ChannelConnection>();
        for (ConnectionId id : ids) {
            find(id).ifPresent(c -> found.put(id, c));
        }
        return found;
    }

    /**
     * Connections of the given owners, optionally of one channel, ordered by creation.
     *
     * @param owners whose connections
     * @param channel only this channel's, when given
     * @return the connections
     */
    List<ChannelConnection> list(OwnerScope owners, Optional<ChannelId> channel);

    /**
     * The sealed credentials as stored.
     *
     * @param id the connection's id
     * @return the sealed credentials, or empty when the connection does not exist
     */
    Optional<byte[]> credentials(ConnectionId id);

    /**
     * The sealed credentials of these connections (missing ids are left out); override to read them at once.
     *
     * @param ids the connections' ids
     * @return the sealed credentials found, by id
     */
    default Map<ConnectionId, byte[]> credentialsAll(Collection<ConnectionId> ids) {
        var found = new LinkedHashMap<ConnectionId, byte[]>();
        for (ConnectionId id : ids) {
            credentials(id).ifPresent(c -> found.put(id, c));
        }
        return found;
    }

    /**
     * Replaces the sealed credentials (not versioned: credentials are last-writer-wins).
     *
     * @param id the connection's id
     * @param sealedCredentials the new credentials, encrypted
     */
    void updateCredentials(ConnectionId id, byte[] sealedCredentials);

    /**
     * Records a use without a version bump (a statistic, not a state change).
     *
     * @param id the connection's id
     * @param lastUsedAt when it was used
     */
    void touch(ConnectionId id, Instant lastUsedAt);

    /**
     * {@link #touch} for several connections; override to write them with one statement.
     *
     * @param ids the connections' ids
     * @param lastUsedAt when they were used
     */
    default void touchAll(Collection<ConnectionId> ids, Instant lastUsedAt) {
        for (ConnectionId id : ids) {
            touch(id, lastUsedAt);
        }
    }
}
