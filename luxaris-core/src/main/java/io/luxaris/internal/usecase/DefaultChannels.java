package io.luxaris.internal.usecase;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Limits;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.usecase.Channels;
import io.luxaris.usecase.ConnectionHealth;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.util.Args;
import io.luxaris.util.Strings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link Channels} of an instance, built by the facade. */
public final class DefaultChannels implements Channels {
    private static final String UNREADABLE_CREDENTIALS = "the stored credentials cannot be decrypted (sealed with a"
            + " key this instance does not hold, or altered); connect the account again";

    private final CoreRuntime rt;

    public DefaultChannels(CoreRuntime rt) {
        this.rt = Objects.requireNonNull(rt, "rt");
    }

    @Override
    public List<Channel> catalog(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        return rt.channels().stream()
                .map(RegisteredChannel::channel)
                .sorted(Comparator.comparing(Channel::key))
                .toList();
    }

    @Override
    public ChannelLimits limits(Principal principal, String channel, Optional<ConnectionId> connection) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(connection, "connection");
        RegisteredChannel registered = rt.requireChannel(channel, "channel");
        if (connection.isEmpty()) {
            return registered.channel().limits();
        }
        ChannelConnection c = get(principal, connection.get());
        return registered.limits(Optional.of(c));
    }

    @Override
    public int measure(Principal principal, String channel, String text) {
        Objects.requireNonNull(principal, "principal");
        var v = Validation.start();
        if (v.required("text", text)) {
            v.maxLength("text", text, MAX_MEASURED_TEXT);
        }
        RegisteredChannel registered = null;
        try {
            registered = rt.requireChannel(channel, "channel");
        } catch (ValidationException e) {
            v.addAll(e.violations());
        }
        v.throwIfInvalid();
        return Objects.requireNonNull(registered).measure().measure(text);
    }

    @Override
    public ChannelConnection connect(Principal principal, ConnectionRequest request) {
        rt.requireCreate(principal, ResourceType.CONNECTION);
        Objects.requireNonNull(request, "request");
        var v = Validation.start();
        RegisteredChannel channel = null;
        try {
            channel = rt.requireChannel(request.channel(), "channel");
        } catch (ValidationException e) {
            v.addAll(e.violations());
        }
        v.text("displayName", request.displayName(), Limits.DISPLAY_NAME);
        validateCredentials(v, request.credentials());
        v.map("properties", request.properties(), Limits.METADATA_ENTRIES, Limits.METADATA_KEY, Limits.METADATA_VALUE);
        v.throwIfInvalid();
        Instant now = rt.now();
        var credentials = request.credentials();
        var connection = new ChannelConnection(
                ConnectionId.random(),
                principal.id(),
                Objects.requireNonNull(channel).channel().id(),
                request.displayName().strip(),
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                request.properties(),
                credentials.expiresAt(),
                credentials.refreshExpiresAt(),
                now,
                now,
                Optional.empty(),
                0);
        byte[] sealed = rt.seal(connection.id(), credentials);
        rt.storage().inTransaction(tx -> {
            tx.connections().insert(connection, sealed);
            return null;
        });
        return connection;
    }

    @Override
    public ChannelConnection reconnect(Principal principal, ConnectionId id, Credentials credentials) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        var v = Validation.start();
        validateCredentials(v, credentials);
        v.throwIfInvalid();
        return rt.storage().inTransaction(tx -> {
            ChannelConnection c = rt.connection(tx, id);
            rt.requireWrite(principal, ResourceType.CONNECTION, c.ownerPrincipalId(), id);
            Credentials merged = storedOrNone(tx, id).replacedBy(credentials);
            tx.connections().updateCredentials(id, rt.seal(id, merged));
            Instant now = rt.now();
            return tx.connections()
                    .update(c.withStatus(ConnectionStatus.CONNECTED, Optional.empty(), now)
                            .withCredentialExpiry(merged.expiresAt(), merged.refreshExpiresAt(), now));
        });
    }

    /** The stored credentials; none when they cannot be decrypted (a lost or rotated key): reconnecting replaces them. */
    private Credentials storedOrNone(io.luxaris.spi.storage.Transaction tx, ConnectionId id) {
        try {
            return rt.credentials(tx, id);
        } catch (RuntimeException e) {
            if (e instanceof io.luxaris.errors.StorageException) {
                throw e;
            }
            return new Credentials(java.util.Map.of());
        }
    }

    @Override
    public ChannelConnection rename(
            Principal principal, ConnectionId id, String displayName, java.util.Map<String, String> properties) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        var v = Validation.start();
        v.text("displayName", displayName, Limits.DISPLAY_NAME);
        java.util.Map<String, String> copy = Args.snapshot(properties);
        if (v.required("properties", properties)) {
            v.map("properties", copy, Limits.METADATA_ENTRIES, Limits.METADATA_KEY, Limits.METADATA_VALUE);
        }
        v.throwIfInvalid();
        return rt.storage().inTransaction(tx -> {
            ChannelConnection c = rt.connection(tx, id);
            rt.requireWrite(principal, ResourceType.CONNECTION, c.ownerPrincipalId(), id);
            return tx.connections().update(c.withDetails(displayName.strip(), copy, rt.now()));
        });
    }

    @Override
    public List<ChannelConnection> list(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        var scope = rt.access().readableOwners(principal, ResourceType.CONNECTION);
        return rt.storage().readOnly(tx -> tx.connections().list(scope, Optional.empty()));
    }

    @Override
    public ChannelConnection get(Principal principal, ConnectionId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        ChannelConnection c = rt.storage()
                .readOnly(tx -> tx.connections().find(id))
                .orElseThrow(() -> new NotFoundException("connection", id));
        rt.requireRead(principal, ResourceType.CONNECTION, c.ownerPrincipalId(), id);
        return c;
    }

    @Override
    public ChannelConnection revoke(Principal principal, ConnectionId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().inTransaction(tx -> {
            ChannelConnection c = rt.connection(tx, id);
            rt.requireWrite(principal, ResourceType.CONNECTION, c.ownerPrincipalId(), id);
            if (c.status() == ConnectionStatus.REVOKED) {
                return c;
            }
            tx.connections().updateCredentials(id, rt.seal(id, new Credentials(java.util.Map.of())));
            Instant now = rt.now();
            return tx.connections()
                    .update(c.withStatus(ConnectionStatus.REVOKED, Optional.of("revoked by " + principal.id()), now)
                            .withCredentialExpiry(Optional.empty(), Optional.empty(), now));
        });
    }

    @Override
    public ConnectionHealth health(Principal principal, ConnectionId id) {
        ChannelConnection c = get(principal, id);
        Credentials credentials;
        try {
            credentials = rt.storage().readOnly(tx -> rt.credentials(tx, id));
        } catch (SecurityException e) {
            boolean connected = c.status() == ConnectionStatus.CONNECTED;
            return new ConnectionHealth(
                    c.id(),
                    connected ? ConnectionStatus.ERROR : c.status(),
                    connected ? Optional.of(UNREADABLE_CREDENTIALS) : c.statusReason(),
                    c.credentialsExpireAt(),
                    c.refreshExpiresAt(),
                    false,
                    true,
                    false,
                    c.lastUsedAt());
        }
        Instant now = rt.now();
        boolean refreshable = credentials.refreshToken().isPresent()
                && credentials.refreshExpiresAt().map(now::isBefore).orElse(true);
        Optional<Instant> expires = c.credentialsExpireAt();
        boolean expired = expires.map(e -> !now.isBefore(e)).orElse(false);
        boolean needs = c.status() != ConnectionStatus.CONNECTED || (expired && !refreshable);
        Instant warnAfter = now.plus(io.luxaris.domain.rules.SchedulingRules.REAUTHORIZE_WARNING);
        boolean soon = !needs
                && ((!refreshable && expires.map(e -> e.isBefore(warnAfter)).orElse(false))
                        || (refreshable
                                && c.refreshExpiresAt()
                                        .map(e -> e.isBefore(warnAfter))
                                        .orElse(false)));
        return new ConnectionHealth(
                c.id(),
                c.status(),
                c.statusReason(),
                expires,
                c.refreshExpiresAt(),
                refreshable,
                needs,
                soon,
                c.lastUsedAt());
    }

    private static void validateCredentials(Validation v, Credentials credentials) {
        if (!v.required("credentials", credentials)) {
            return;
        }
        if (credentials.isEmpty()) {
            v.add("credentials", "required", "must hold at least one value (an access token, for instance)");
        }
        v.map(
                "credentials",
                credentials.values(),
                Limits.CREDENTIAL_ENTRIES,
                Limits.METADATA_KEY,
                Limits.CREDENTIAL_VALUE);
        credentials.values().forEach((key, value) -> {
            if (!key.isBlank() && value.isBlank() && Strings.invalidCharacterAt(key) < 0) {
                v.add("credentials." + key, "required", "must not be blank; leave the key out instead");
            }
        });
        v.instant(
                "credentials." + Credentials.EXPIRES_AT, credentials.expiresAt().orElse(null));
        v.instant(
                "credentials." + Credentials.REFRESH_EXPIRES_AT,
                credentials.refreshExpiresAt().orElse(null));
    }
}
