package io.luxaris.internal;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishContext;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The publish context of one attempt: credentials, and persisting rotated ones before they are used. */
public final class AttemptContext implements PublishContext {
    private final CoreRuntime rt;
    private final ConnectionId connection;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private volatile Credentials current;

    public AttemptContext(CoreRuntime rt, ConnectionId connection, Credentials credentials) {
        this.rt = rt;
        this.connection = connection;
        this.current = credentials;
        secrets.addAll(credentials.secretValues());
    }

    @Override
    public Credentials credentials() {
        return current;
    }

    @Override
    public void saveCredentials(Credentials rotated) {
        java.util.Objects.requireNonNull(rotated, "rotated");
        secrets.addAll(rotated.secretValues());
        ConflictException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                current = rt.storage().inTransaction(tx -> {
                    Credentials merged = rt.credentials(tx, connection).replacedBy(rotated);
                    tx.connections().updateCredentials(connection, rt.seal(connection, merged));
                    ChannelConnection c = rt.connection(tx, connection);
                    tx.connections()
                            .update(c.withCredentialExpiry(merged.expiresAt(), merged.refreshExpiresAt(), rt.now()));
                    return merged;
                });
                secrets.addAll(current.secretValues());
                return;
            } catch (ConflictException e) {
                last = e; // the connection row changed under us (a rename): read again and retry
            }
        }
        throw last;
    }

    @Override
    public void updateConnectionProperties(java.util.Map<String, String> properties) {
        java.util.Objects.requireNonNull(properties, "properties");
        if (properties.isEmpty()) {
            return;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                rt.storage().inTransaction(tx -> {
                    ChannelConnection c = rt.connection(tx, connection);
                    var merged = new java.util.LinkedHashMap<>(c.properties());
                    properties.forEach((k, v) -> {
                        if (k != null
                                && v != null
                                && k.length() <= io.luxaris.domain.Limits.METADATA_KEY
                                && v.length() <= io.luxaris.domain.Limits.METADATA_VALUE) {
                            merged.put(k, v);
                        }
                    });
                    if (!merged.equals(c.properties()) && merged.size() <= io.luxaris.domain.Limits.METADATA_ENTRIES) {
                        tx.connections().update(c.withDetails(c.displayName(), merged, rt.now()));
                    }
                    return null;
                });
                return;
            } catch (ConflictException e) {
                // changed concurrently: read again
            }
        }
    }

    @Override
    public Credentials reloadCredentials() {
        current = rt.storage().readOnly(tx -> rt.credentials(tx, connection));
        secrets.addAll(current.secretValues());
        return current;
    }

    @Override
    public Clock clock() {
        return rt.clock();
    }

    @Override
    public MediaSource media() {
        return rt.media();
    }

    /** Every secret value this attempt has seen, to scrub them from what is stored. */
    public Collection<String> secrets() {
        return secrets;
    }
}
