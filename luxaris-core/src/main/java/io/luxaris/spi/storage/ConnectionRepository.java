package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.spi.security.OwnerScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Channel connections and their sealed (encrypted) credentials. */
public interface ConnectionRepository {
    void insert(ChannelConnection connection, byte[] sealedCredentials);

    /** Versioned update of everything but the credentials; returns the stored record. */
    ChannelConnection update(ChannelConnection connection);

    Optional<ChannelConnection> find(ConnectionId id);

    /** Connections of the given owners, optionally of one channel, ordered by creation. */
    List<ChannelConnection> list(OwnerScope owners, Optional<ChannelId> channel);

    /** The sealed credentials as stored. */
    Optional<byte[]> credentials(ConnectionId id);

    /** Replaces the sealed credentials (not versioned: credentials are last-writer-wins). */
    void updateCredentials(ConnectionId id, byte[] sealedCredentials);

    /** Records a use without a version bump (a statistic, not a state change). */
    void touch(ConnectionId id, Instant lastUsedAt);
}
