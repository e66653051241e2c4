package io.luxaris.internal;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.engine.SchedulerEngine;
import io.luxaris.spi.generation.SuggestionGenerator;
import io.luxaris.spi.security.AccessPolicy;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the use cases and the engine of one Luxaris instance share. Internal: not exported, not API.
 */
public final class CoreRuntime {
    private final Storage storage;
    private final Clock clock;
    private final SchedulingRules rules;
    private final AccessPolicy access;
    private final SecretCipher cipher;
    private final Map<String, RegisteredChannel> channelsByKey;
    private final Map<ChannelId, RegisteredChannel> channelsById;
    private final Map<String, SuggestionGenerator> generators;
    private final String defaultGenerator;
    private final Events events;
    private final MediaSource media;
    private final AtomicReference<SchedulerEngine> engine = new AtomicReference<>();
    private final boolean approvalRequired;
    private volatile java.time.Duration idempotencyRetention = Idempotency.DEFAULT_RETENTION;

    public CoreRuntime(
            Storage storage,
            Clock clock,
            SchedulingRules rules,
            AccessPolicy access,
            SecretCipher cipher,
            Map<String, RegisteredChannel> channels,
            Map<String, SuggestionGenerator> generators,
            String defaultGenerator,
            Events events,
            MediaSource media,
            boolean approvalRequired) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.access = Objects.requireNonNull(access, "access");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.channelsByKey = Map.copyOf(channels);
        var byId = new java.util.HashMap<ChannelId, RegisteredChannel>();
        channels.values().forEach(c -> byId.put(c.channel().id(), c));
        this.channelsById = Map.copyOf(byId);
        this.generators = Map.copyOf(generators);
        this.defaultGenerator = defaultGenerator;
        this.events = events;
        this.media = media;
        this.approvalRequired = approvalRequired;
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public SchedulingRules rules() {
        return rules;
    }

    /** Whether the host requires approval for every schedule ({@code Luxaris.Builder.approvalRequired}). */
    public boolean approvalRequired() {
        return approvalRequired;
    }

    public AccessPolicy access() {
        return access;
    }

    public SecretCipher cipher() {
        return cipher;
    }

    public Events events() {
        return events;
    }

    public MediaSource media() {
        return media;
    }

    public Collection<RegisteredChannel> channels() {
        return channelsByKey.values();
    }

    public Optional<RegisteredChannel> channel(String key) {
        return Optional.ofNullable(channelsByKey.get(key));
    }

    public Optional<RegisteredChannel> channel(ChannelId id) {
        return Optional.ofNullable(channelsById.get(id));
    }

    /** The registered channel with this key, or a validation error on {@code field}. */
    public RegisteredChannel requireChannel(String key, String field) {
        if (key == null || key.isBlank()) {
            throw ValidationException.of(field, "required", "is required");
        }
        return channel(key)
                .orElseThrow(() -> ValidationException.of(
                        field,
                        "unknown_channel",
                        "no channel '" + Redactor.truncate(key, 64) + "' is registered; known: "
                                + channelsByKey.keySet().stream().sorted().toList()));
    }

    public Map<String, SuggestionGenerator> generators() {
        return generators;
    }

    public String defaultGenerator() {
        return defaultGenerator;
    }

    public Optional<SchedulerEngine> engine() {
        return Optional.ofNullable(engine.get());
    }

    public void attachEngine(SchedulerEngine value) {
        engine.set(value);
    }

    // ---- access ----

    public void requireCreate(Principal principal, ResourceType type) {
        Objects.requireNonNull(principal, "principal");
        if (!access.canCreate(principal, type)) {
            throw new AccessDeniedException(principal.id(), "create", describe(type));
        }
    }

    public void requireRead(Principal principal, ResourceType type, String owner, Object id) {
        Objects.requireNonNull(principal, "principal");
        if (!access.canRead(principal, type, owner)) {
            throw new AccessDeniedException(principal.id(), "read", describe(type) + " " + id);
        }
    }

    public void requireWrite(Principal principal, ResourceType type, String owner, Object id) {
        Objects.requireNonNull(principal, "principal");
        if (!access.canWrite(principal, type, owner)) {
            throw new AccessDeniedException(principal.id(), "change", describe(type) + " " + id);
        }
    }

    public void requirePublishWith(Principal principal, ChannelConnection connection) {
        if (!access.canPublishWith(principal, connection)) {
            throw new AccessDeniedException(principal.id(), "publish with", "connection " + connection.id());
        }
    }

    public void requireApprove(Principal principal, ResourceType type, String owner, Object id) {
        Objects.requireNonNull(principal, "principal");
        if (!access.canApprove(principal, type, owner)) {
            throw new AccessDeniedException(principal.id(), "approve", describe(type) + " " + id);
        }
    }

    public ChannelConnection connection(Transaction tx, ConnectionId id) {
        return tx.connections().find(id).orElseThrow(() -> new NotFoundException("connection", id));
    }

    // ---- credentials ----

    public byte[] seal(ConnectionId id, Credentials credentials) {
        return CredentialCodec.seal(cipher, id, credentials);
    }

    public Credentials open(ConnectionId id, byte[] sealed) {
        return CredentialCodec.open(cipher, id, sealed);
    }

    public Credentials credentials(Transaction tx, ConnectionId id) {
        return tx.connections().credentials(id).map(b -> open(id, b)).orElse(new Credentials(Map.of()));
    }

    /** {@link #credentials} of several connections, read with one call. */
    public Map<ConnectionId, Credentials> credentialsAll(Transaction tx, Collection<ConnectionId> ids) {
        var open = new HashMap<ConnectionId, Credentials>();
        if (ids.isEmpty()) {
            return open;
        }
        Map<ConnectionId, byte[]> sealed = tx.connections().credentialsAll(ids);
        for (ConnectionId id : ids) {
            byte[] bytes = sealed.get(id);
            open.put(id, bytes == null ? new Credentials(Map.of()) : open(id, bytes));
        }
        return open;
    }

    private static String describe(ResourceType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** How long idempotency keys are kept. */
    public java.time.Duration idempotencyRetention() {
        return idempotencyRetention;
    }

    /** Sets how long idempotency keys are kept (the builder's setting). */
    public void idempotencyRetention(java.time.Duration value) {
        this.idempotencyRetention = Objects.requireNonNull(value, "value");
    }
}
