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
    void insert(ChannelConnection connection, byte[] sealedCredentials);

    /** Versioned update of everything but the credentials; returns the stored record. */
    ChannelConnection update(ChannelConnection connection);

    Optional<ChannelConnection> find(ConnectionId id);

    /**
     * The connections with these ids that exist (missing ids are left out). The engine reads a claimed batch's
     * connections with one call; override it to read them in one query.
     */
    default Map<ConnectionId, ChannelConnection> findAll(Collection<ConnectionId> ids) {
        var found = new LinkedHashMap<ConnectionId, ChannelConnection>();
        for (ConnectionId id : ids) {
            find(id).ifPresent(c -> found.put(id, c));
        }
        return found;
    }

    /** Connections of the given owners, optionally of one channel, ordered by creation. */
    List<ChannelConnection> list(OwnerScope owners, Optional<ChannelId> channel);

    /** The sealed credentials as stored. */
    Optional<byte[]> credentials(ConnectionId id);

    /** The sealed credentials of these connections (missing ids are left out); override to read them at once. */
    default Map<ConnectionId, byte[]> credentialsAll(Collection<ConnectionId> ids) {
        var found = new LinkedHashMap<ConnectionId, byte[]>();
        for (ConnectionId id : ids) {
            credentials(id).ifPresent(c -> found.put(id, c));
        }
        return found;
    }

    /** Replaces the sealed credentials (not versioned: credentials are last-writer-wins). */
    void updateCredentials(ConnectionId id, byte[] sealedCredentials);

    /** Records a use without a version bump (a statistic, not a state change). */
    void touch(ConnectionId id, Instant lastUsedAt);

    /** {@link #touch} for several connections; override to write them with one statement. */
    default void touchAll(Collection<ConnectionId> ids, Instant lastUsedAt) {
        for (ConnectionId id : ids) {
            touch(id, lastUsedAt);
        }
    }
}
