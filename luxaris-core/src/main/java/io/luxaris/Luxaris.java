package io.luxaris;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ChannelStatus;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.StorageException;
import io.luxaris.events.LuxarisListener;
import io.luxaris.generation.OfflineGenerator;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.Events;
import io.luxaris.internal.Idempotency;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.engine.CorePublishingOperations;
import io.luxaris.internal.engine.DefaultSchedulerEngine;
import io.luxaris.internal.usecase.DefaultCalendar;
import io.luxaris.internal.usecase.DefaultChannels;
import io.luxaris.internal.usecase.DefaultGeneration;
import io.luxaris.internal.usecase.DefaultPosts;
import io.luxaris.internal.usecase.DefaultPublishing;
import io.luxaris.internal.usecase.DefaultRecurrences;
import io.luxaris.internal.usecase.DefaultSchedules;
import io.luxaris.internal.usecase.DefaultTemplates;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.engine.EngineContext;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.SchedulerEngine;
import io.luxaris.spi.engine.SchedulerEngineFactory;
import io.luxaris.spi.generation.GeneratorEnvironment;
import io.luxaris.spi.generation.GeneratorProvider;
import io.luxaris.spi.generation.SuggestionGenerator;
import io.luxaris.spi.security.AccessPolicy;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.usecase.Calendar;
import io.luxaris.usecase.Channels;
import io.luxaris.usecase.Generation;
import io.luxaris.usecase.Posts;
import io.luxaris.usecase.Publishing;
import io.luxaris.usecase.Queues;
import io.luxaris.usecase.Schedules;
import io.luxaris.usecase.Templates;
import io.luxaris.util.Uuids;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: the whole Posts &amp; Scheduling context of a host application. Build one with {@link
 * #builder()}, share it (it is thread-safe), close it on shutdown.
 *
 * <pre>{@code
 * try (Luxaris luxaris = Luxaris.builder().channel(myChannel).build()) {
 *     var post = luxaris.posts().create(alice, PostDraft.of("Hello").withVariant(VariantDraft.of("x", "Hello!")));
 *     luxaris.schedules().schedule(alice, ScheduleRequest.at(post.firstVariant().id(), account, tomorrowNine, berlin));
 *     luxaris.publishing().start();
 * }
 * }</pre>
 */
public final class Luxaris implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Luxaris.class);

    private final CoreRuntime runtime;
    private final Channels channels;
    private final Posts posts;
    private final Templates templates;
    private final Generation generation;
    private final Schedules schedules;
    private final Calendar calendar;
    private final Publishing publishing;
    private final io.luxaris.usecase.Recurrences recurrences;
    private final Queues queues;
    private final SchedulerEngine engine;
    private final List<AutoCloseable> closeables;
    private final Object closeLock = new Object();
    private boolean closed; // guarded by closeLock

    private Luxaris(CoreRuntime runtime, SchedulerEngine engine, List<AutoCloseable> closeables) {
        this.runtime = runtime;
        this.engine = engine;
        this.closeables = closeables;
        var posts = new DefaultPosts(runtime);
        var templates = new DefaultTemplates(runtime);
        var schedules = new DefaultSchedules(runtime, posts);
        this.channels = new DefaultChannels(runtime);
        this.posts = posts;
        this.templates = templates;
        this.generation = new DefaultGeneration(runtime, posts, templates);
        this.schedules = schedules;
        this.calendar = new DefaultCalendar(runtime);
        this.publishing = new DefaultPublishing(engine, runtime);
        this.recurrences = new DefaultRecurrences(runtime, posts);
        this.queues = schedules.queues();
    }

    /**
     * Starts the configuration of a new instance.
     *
     * @return a builder with the defaults: in-memory storage, no channels, the offline generator, owner-only access
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Channel catalog and channel connections.
     *
     * @return the accounts use case
     */
    public Channels channels() {
        return channels;
    }

    /**
     * Posts and their variants.
     *
     * @return the posts use case
     */
    public Posts posts() {
        return posts;
    }

    /**
     * Templates and rendering.
     *
     * @return the templates use case
     */
    public Templates templates() {
        return templates;
    }

    /**
     * Generation sessions, suggestions, accept.
     *
     * @return the generation use case
     */
    public Generation generation() {
        return generation;
    }

    /**
     * Schedule, move, re-target, cancel, publish events, resolve unconfirmed.
     *
     * @return the scheduling use case
     */
    public Schedules schedules() {
        return schedules;
    }

    /**
     * Schedules in a date range with filters.
     *
     * @return the calendar use case
     */
    public Calendar calendar() {
        return calendar;
    }

    /**
     * Engine control.
     *
     * @return the publishing use case
     */
    public Publishing publishing() {
        return publishing;
    }

    /**
     * Recurring posts: series of schedules made from a rule.
     *
     * @return the recurring-posts use case
     */
    public io.luxaris.usecase.Recurrences recurrences() {
        return recurrences;
    }

    /**
     * Publishing queues with weekly time slots: create, enqueue, share next, reorder, shuffle, preview.
     *
     * @return the queues use case
     */
    public Queues queues() {
        return queues;
    }

    /**
     * The rules in force.
     *
     * @return the rules given to {@link Builder#rules(SchedulingRules)}, or the defaults
     */
    public SchedulingRules rules() {
        return runtime.rules();
    }

    /**
     * Stops the engine (5 s grace), closes publishers, generators and the storage. Idempotent and safe to call from
     * several threads: everything is closed once, and a call made while another one is closing returns when that
     * one is done.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                engine.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the publishing engine failed", e);
            }
            for (AutoCloseable c : closeables) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed", c.getClass().getName(), e);
                }
            }
        }
    }

    /** Builder of a {@link Luxaris} instance; {@link #build()} validates eagerly and names what is wrong. */
    public static final class Builder {
        static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

        private @Nullable StorageProvider storage;
        private final List<ChannelProvider> channelProviders = new ArrayList<>();
        private final List<GeneratorProvider> generatorProviders = new ArrayList<>();
        private boolean discover;
        private Clock clock = Clock.systemUTC();
        private AccessPolicy accessPolicy = AccessPolicy.ownerOnly();
        private SchedulingRules rules = SchedulingRules.defaults();
        private final List<LuxarisListener> listeners = new ArrayList<>();
        private @Nullable SecretCipher cipher;
        private MediaSource mediaSource = MediaSource.none();
        private EngineSettings engineSettings = EngineSettings.defaults();
        private @Nullable SchedulerEngineFactory engineFactory;
        private EngineObserver engineObserver = EngineObserver.NONE;
        private @Nullable String defaultGenerator;
        private @Nullable String instanceId;
        private @Nullable RandomGenerator random;
        private boolean approvalRequired;
        private java.time.Duration idempotencyRetention = Idempotency.DEFAULT_RETENTION;

        private Builder() {}

        /**
         * Where data lives; default: a new in-memory storage.
         *
         * @param value the storage provider, opened by {@link #build()}
         * @return this builder
         */
        public Builder storage(StorageProvider value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /**
         * Registers a channel; repeatable.
         *
         * @param value the channel's provider; its key must be unique among the registered channels
         * @return this builder
         */
        public Builder channel(ChannelProvider value) {
            channelProviders.add(Objects.requireNonNull(value, "channel"));
            return this;
        }

        /**
         * Registers a suggestion generator; repeatable. The first one registered is the default.
         *
         * @param value the generator's provider; its key must be unique among the registered generators
         * @return this builder
         */
        public Builder generator(GeneratorProvider value) {
            generatorProviders.add(Objects.requireNonNull(value, "generator"));
            return this;
        }

        /**
         * Also loads channel, generator and storage providers with {@link ServiceLoader}. Logs what it found; an
         * explicitly registered provider wins over a discovered one with the same key; two discovered providers with
         * one key fail the build. A discovered generator never becomes the default by itself (name it with {@link
         * #defaultGenerator} or per request): it may lack the configuration it needs.
         *
         * @return this builder
         */
        public Builder discoverPlugins() {
            this.discover = true;
            return this;
        }

        /**
         * The clock of every timestamp, due time and lease; default: the system's UTC clock. Tests pass a settable one.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Who may do what; default {@link AccessPolicy#ownerOnly()}.
         *
         * @param value the access policy asked before every read and change
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy value) {
            this.accessPolicy = Objects.requireNonNull(value, "accessPolicy");
            return this;
        }

        /**
         * The scheduling rules (horizon, minimum lead time, lateness, retries, content limits); default: {@link
         * SchedulingRules#defaults()}.
         *
         * @param value the rules
         * @return this builder
         */
        public Builder rules(SchedulingRules value) {
            this.rules = Objects.requireNonNull(value, "rules");
            return this;
        }

        /**
         * Receives lifecycle events; repeatable.
         *
         * @param value the listener, called after each change is committed
         * @return this builder
         */
        public Builder listener(LuxarisListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Encrypts credentials at rest. Required with durable storage (the JDBC module offers a Tink cipher); default
         * for in-memory storage: {@link SecretCipher#ephemeral()}.
         *
         * @param value the cipher of stored credentials
         * @return this builder
         */
        public Builder secretCipher(SecretCipher value) {
            this.cipher = Objects.requireNonNull(value, "secretCipher");
            return this;
        }

        /**
         * The host's media library (bytes of attachments); default: none.
         *
         * @param value where channels read the bytes of media attachments
         * @return this builder
         */
        public Builder mediaSource(MediaSource value) {
            this.mediaSource = Objects.requireNonNull(value, "mediaSource");
            return this;
        }

        /**
         * Tuning of the publishing engine.
         *
         * @param value the engine's settings; default {@link EngineSettings#defaults()}
         * @return this builder
         */
        public Builder engine(EngineSettings value) {
            this.engineSettings = Objects.requireNonNull(value, "engine");
            return this;
        }

        /**
         * Sees what the engine does, for metrics and tracing (see {@code luxaris-micrometer}); default: none.
         *
         * @param value the observer
         * @return this builder
         */
        public Builder engineObserver(EngineObserver value) {
            this.engineObserver = Objects.requireNonNull(value, "engineObserver");
            return this;
        }

        /**
         * An alternative scheduler engine; default: Luxaris's own.
         *
         * @param value creates the engine from the context {@link #build()} prepares
         * @return this builder
         */
        public Builder schedulerEngine(SchedulerEngineFactory value) {
            this.engineFactory = Objects.requireNonNull(value, "schedulerEngine");
            return this;
        }

        /**
         * Which generator serves requests that name none; default: the first registered, else offline.
         *
         * @param key the key of a registered (or discovered) generator, checked by {@link #build()}
         * @return this builder
         */
        public Builder defaultGenerator(String key) {
            this.defaultGenerator = Objects.requireNonNull(key, "defaultGenerator");
            return this;
        }

        /**
         * The engine's lease owner name; default: a random, unique one per instance.
         *
         * @param value 1..100 characters, unique among the instances that share a storage
         * @return this builder
         * @throws IllegalArgumentException when the value is blank or longer than 100 characters
         */
        public Builder instanceId(String value) {
            Objects.requireNonNull(value, "instanceId");
            if (value.isBlank() || value.length() > 100) {
                throw new IllegalArgumentException("instanceId must be 1..100 characters but was '" + value + "'");
            }
            this.instanceId = value;
            return this;
        }

        /**
         * Source of retry jitter (for reproducible tests); default: a secure random.
         *
         * @param value the random generator the engine draws retry delays from
         * @return this builder
         */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * Whether every schedule needs approval before it is published (default: no). Posts and connections can
         * require it too ({@link Schedules#requireApproval(Principal, io.luxaris.domain.PostId, boolean)}); a schedule
         * is held when any of the three does.
         *
         * @param value true to hold every new schedule as {@code awaiting_approval}
         * @return this builder
         */
        public Builder approvalRequired(boolean value) {
            this.approvalRequired = value;
            return this;
        }

        /**
         * How long idempotency keys of creating calls are kept (a repeated call within it returns the first result;
         * afterwards the key is purged by the engine's housekeeping and may be used again); default 24 hours.
         *
         * @param value between 1 minute and 30 days
         * @return this builder
         * @throws IllegalArgumentException when the value is outside that range
         */
        public Builder idempotencyRetention(java.time.Duration value) {
            Objects.requireNonNull(value, "idempotencyRetention");
            if (value.compareTo(Idempotency.MIN_RETENTION) < 0 || value.compareTo(Idempotency.MAX_RETENTION) > 0) {
                throw new IllegalArgumentException("idempotencyRetention must be between " + Idempotency.MIN_RETENTION
                        + " and " + Idempotency.MAX_RETENTION + " but was " + value);
            }
            this.idempotencyRetention = value;
            return this;
        }

        /**
         * Opens the storage, registers the channels and generators in the catalog and creates the engine (not started:
         * see {@link Publishing#start()}). On failure everything opened so far is closed again.
         *
         * @return a ready instance, to be closed by the caller
         * @throws IllegalStateException when a provider's key is malformed or used twice, the default generator is not
         *     registered, several storage providers were discovered, or a durable storage has no {@link
         *     #secretCipher(SecretCipher)}
         * @throws StorageException when the storage cannot be opened or the channel catalog cannot be written
         */
        public Luxaris build() {
            var channelsByKey = new LinkedHashMap<String, ChannelProvider>();
            for (ChannelProvider p : channelProviders) {
                putUnique(channelsByKey, checkedKey(p.key(), p), p, "channel");
            }
            var generatorsByKey = new LinkedHashMap<String, GeneratorProvider>();
            for (GeneratorProvider p : generatorProviders) {
                putUnique(generatorsByKey, checkedKey(p.key(), p), p, "generator");
            }
            String defaultGen = defaultGenerator != null
                    ? defaultGenerator
                    : generatorsByKey.isEmpty()
                            ? OfflineGenerator.KEY
                            : generatorsByKey.keySet().iterator().next();
            StorageProvider storageProvider = storage;
            if (discover) {
                // explicit registrations win over discovered providers with the same key
                discover(ChannelProvider.class, ChannelProvider::key, channelsByKey, "channel");
                discover(GeneratorProvider.class, GeneratorProvider::key, generatorsByKey, "generator");
                if (storageProvider == null) {
                    storageProvider = discoverStorage();
                }
            }
            generatorsByKey.putIfAbsent(OfflineGenerator.KEY, OfflineGenerator.create());
            if (!generatorsByKey.containsKey(defaultGen)) {
                throw new IllegalStateException(
                        "defaultGenerator '" + defaultGen + "' is not registered; known: " + generatorsByKey.keySet());
            }
            if (storageProvider == null) {
                storageProvider = InMemoryStorage.create();
            }

            var closeables = new ArrayList<AutoCloseable>();
            Storage opened = storageProvider.open(new StorageContext(clock));
            try {
                SecretCipher secretCipher = cipher;
                if (secretCipher == null) {
                    if (opened.isDurable()) {
                        throw new IllegalStateException("storage " + opened.description() + " is durable: configure "
                                + "secretCipher(...) (for instance TinkSecretCipher from luxaris-jdbc) so stored "
                                + "credentials can be read after a restart");
                    }
                    secretCipher = SecretCipher.ephemeral();
                }
                Map<String, RegisteredChannel> registered = syncCatalog(opened, channelsByKey, closeables);
                Map<String, SuggestionGenerator> generators = createGenerators(generatorsByKey, closeables);
                closeables.add(opened);
                return assemble(opened, secretCipher, registered, generators, defaultGen, List.copyOf(closeables));
            } catch (RuntimeException | Error e) {
                for (AutoCloseable c : closeables) {
                    try {
                        c.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                if (!closeables.contains(opened)) {
                    opened.close();
                }
                throw e;
            }
        }

        /**
         * Adds the providers of {@code type} that {@link ServiceLoader} finds to {@code byKey}, unless a provider with
         * the same key is registered explicitly (that one wins); two discovered providers with one key are an error.
         */
        private static <P> void discover(Class<P> type, Function<P, String> keyOf, Map<String, P> byKey, String kind) {
            var discovered = new LinkedHashMap<String, P>();
            for (P p : ServiceLoader.load(type)) {
                String key = checkedKey(keyOf.apply(p), p);
                if (byKey.containsKey(key)) {
                    LOG.info(
                            "discovered {} provider '{}' ({}) is registered explicitly; using the explicit one",
                            kind,
                            key,
                            p.getClass().getName());
                    continue;
                }
                putUnique(discovered, key, p, kind);
                LOG.info(
                        "discovered {} provider '{}' ({})",
                        kind,
                        key,
                        p.getClass().getName());
            }
            byKey.putAll(discovered);
        }

        /** The one storage provider {@link ServiceLoader} finds, or null when there is none. */
        private static @Nullable StorageProvider discoverStorage() {
            var found = new ArrayList<StorageProvider>();
            ServiceLoader.load(StorageProvider.class).forEach(found::add);
            if (found.size() > 1) {
                throw new IllegalStateException("several storage providers were discovered ("
                        + found.stream().map(p -> p.getClass().getName()).toList()
                        + "); choose one with storage(...)");
            }
            if (found.isEmpty()) {
                return null;
            }
            StorageProvider provider = found.get(0);
            LOG.info("discovered storage provider {}", provider.getClass().getName());
            return provider;
        }

        /**
         * Writes the channel catalog: every provider's channel active (keeping its creation time), stored channels no
         * provider offers any more disabled. Creates the publishers (added to {@code closeables}).
         */
        private Map<String, RegisteredChannel> syncCatalog(
                Storage opened, Map<String, ChannelProvider> channelsByKey, List<AutoCloseable> closeables) {
            var registered = new LinkedHashMap<String, RegisteredChannel>();
            Instant now = clock.instant();
            Map<ChannelId, Channel> stored = new HashMap<>();
            opened.readOnly(tx -> {
                tx.channels().list().forEach(c -> stored.put(c.id(), c));
                return null;
            });
            var catalog = new ArrayList<Channel>();
            ChannelEnvironment channelEnv = ChannelEnvironment.of(clock, mediaSource);
            for (ChannelProvider p : channelsByKey.values()) {
                var descriptor = Objects.requireNonNull(p.descriptor(), "descriptor of channel " + p.key());
                ChannelId id = ChannelId.forKey(p.key());
                Channel existing = stored.remove(id);
                var channel = new Channel(
                        id,
                        p.key(),
                        descriptor.name(),
                        ChannelStatus.ACTIVE,
                        descriptor.limits(),
                        existing == null ? now : existing.createdAt(),
                        now);
                catalog.add(channel);
                ChannelPublisher publisher =
                        Objects.requireNonNull(p.createPublisher(channelEnv), "publisher of channel " + p.key());
                closeables.add(publisher);
                registered.put(p.key(), new RegisteredChannel(p, channel, publisher));
            }
            for (Channel orphan : stored.values()) {
                if (orphan.status() != ChannelStatus.DISABLED) {
                    catalog.add(new Channel(
                            orphan.id(),
                            orphan.key(),
                            orphan.name(),
                            ChannelStatus.DISABLED,
                            orphan.limits(),
                            orphan.createdAt(),
                            now));
                }
            }
            opened.inTransaction(tx -> {
                catalog.forEach(tx.channels()::upsert);
                return null;
            });
            return registered;
        }

        /** Creates a generator of every provider (added to {@code closeables}). */
        private Map<String, SuggestionGenerator> createGenerators(
                Map<String, GeneratorProvider> generatorsByKey, List<AutoCloseable> closeables) {
            GeneratorEnvironment generatorEnv = () -> clock;
            var generators = new LinkedHashMap<String, SuggestionGenerator>();
            for (var e : generatorsByKey.entrySet()) {
                SuggestionGenerator g = Objects.requireNonNull(
                        e.getValue().create(generatorEnv), "generator of provider " + e.getKey());
                generators.put(e.getKey(), g);
                closeables.add(g);
            }
            return generators;
        }

        /** The runtime, the engine on top of it and the facade around both. */
        private Luxaris assemble(
                Storage opened,
                SecretCipher secretCipher,
                Map<String, RegisteredChannel> registered,
                Map<String, SuggestionGenerator> generators,
                String defaultGen,
                List<AutoCloseable> closeables) {
            var runtime = new CoreRuntime(
                    opened,
                    clock,
                    rules,
                    accessPolicy,
                    secretCipher,
                    registered,
                    generators,
                    defaultGen,
                    new Events(listeners),
                    mediaSource,
                    approvalRequired);
            runtime.idempotencyRetention(idempotencyRetention);
            String owner = instanceId != null ? instanceId : "luxaris-" + Uuids.timeOrdered();
            var ops = new CorePublishingOperations(
                    runtime, engineSettings, owner, random != null ? random : new SecureRandom(), engineObserver);
            var context = new Context(ops, engineSettings, clock, owner, engineObserver);
            SchedulerEngine engine = engineFactory != null
                    ? Objects.requireNonNull(engineFactory.create(context), "scheduler engine")
                    : DefaultSchedulerEngine.create(context);
            runtime.attachEngine(engine);
            LOG.info(
                    "Luxaris ready: storage {}, channels {}, generators {} (default {})",
                    opened.description(),
                    registered.keySet(),
                    generators.keySet(),
                    defaultGen);
            return new Luxaris(runtime, engine, closeables);
        }
    }

    private static String checkedKey(String key, Object provider) {
        if (key == null || !Builder.KEY.matcher(key).matches()) {
            throw new IllegalStateException("provider " + provider.getClass().getName() + " has key '" + key
                    + "'; keys are 1..32 lower-case letters, digits, '_' or '-', starting with a letter");
        }
        return key;
    }

    private static <P> void putUnique(Map<String, P> map, String key, P provider, String kind) {
        P previous = map.putIfAbsent(key, provider);
        if (previous != null) {
            throw new IllegalStateException("two " + kind + " providers have the key '" + key + "': "
                    + previous.getClass().getName() + " and "
                    + provider.getClass().getName());
        }
    }

    private record Context(
            PublishingOperations operations,
            EngineSettings settings,
            Clock clock,
            String instanceId,
            EngineObserver observer)
            implements EngineContext {}
}
