package io.luxaris.internal;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishContext;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** The publish context of one attempt: credentials, and persisting rotated ones before they are used. */
public final class AttemptContext implements PublishContext {
    private final CoreRuntime rt;
    private final ConnectionId connection;
    /** Every secret value seen, replaced as a whole when one is added (rarely: a rotation or a reload). */
    private volatile Collection<String> secrets;

    private volatile Credentials current;

    public AttemptContext(CoreRuntime rt, ConnectionId connection, Credentials credentials) {
        this.rt = rt;
        this.connection = connection;
        this.current = credentials;
        this.secrets = credentials.secretValues();
    }

    /** Adds the secret values of credentials this attempt has come to know. */
    private synchronized void remember(Credentials credentials) {
        var more = new LinkedHashSet<>(secrets);
        if (more.addAll(credentials.secretValues())) {
            secrets = List.copyOf(more);
        }
    }

    @Override
    public Credentials credentials() {
        return current;
    }

    @Override
    public void saveCredentials(Credentials rotated) {
        java.util.Objects.requireNonNull(rotated, "rotated");
        remember(rotated);
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
                remember(current);
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
        Credentials reloaded = rt.storage().readOnly(tx -> rt.credentials(tx, connection));
        remember(reloaded);
        current = reloaded;
        return reloaded;
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
