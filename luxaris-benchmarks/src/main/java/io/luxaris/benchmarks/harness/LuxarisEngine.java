package io.luxaris.benchmarks.harness;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.usecase.BulkItem;
import io.luxaris.usecase.BulkResult;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.ScheduleRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Luxaris on PostgreSQL through its public API: {@code JdbcStorage} (its own HikariCP pool per instance), a
 * {@code Luxaris} instance per engine instance with the recording no-op channel, and the default engine started with
 * {@code publishing().start()}. With {@code instances > 1}, that many independent instances (each its own storage,
 * pool, engine threads and lease owner) share the schema in this JVM, as several application nodes would share a
 * database.
 *
 * <p>Accounts are connected through the facade ({@code channels().connect}). Due schedules for a burn-down are
 * written through the storage SPI of {@code JdbcStorage} (the repositories Luxaris itself writes with: a post with
 * one ready variant and one pending schedule each, 500 per transaction, four writer threads), because creating
 * 100,000 through the facade one transaction at a time would take longer than the run it prepares. Schedules created
 * during a steady-state run go through the facade, {@code schedules().schedule(...)}, of a draft written beforehand.
 */
final class LuxarisEngine implements Engine {
    private static final Principal OWNER = Principal.of("bench");
    private static final int SEED_CHUNK = 500;
    private static final int SEED_THREADS = 4;

    private final Pg pg;
    private final String schema;
    private final int instances;
    private final int concurrency;
    private final int claimBatchSize;
    private final int connectionCount;
    private final int poolSize;
    private final Recorder recorder;
    private final Map<ScheduleId, Integer> numbers = new ConcurrentHashMap<>();
    private final TinkSecretCipher cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
    private final List<ChannelConnection> connections = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private VariantId[] drafts = new VariantId[0];
    /** Where publishes run (--threads virtual: a virtual thread per task); null: the engine's own pool. */
    private ExecutorService executor;
    /** The account (connection index) of schedule i; null: i modulo the number of accounts. */
    private IntUnaryOperator accountOf;
    /** Whether the no-op channel can look every post up (its schedules claimed straight to processing). */
    private boolean lookupEveryRequest = true;

    private boolean closed;

    private record Node(String id, JdbcStorage storage, Luxaris luxaris, AtomicInteger published) {}

    LuxarisEngine(
            Pg pg,
            String schema,
            int instances,
            int concurrency,
            int claimBatchSize,
            int connectionCount,
            int poolSize,
            Recorder recorder) {
        this.pg = pg;
        this.schema = schema;
        this.instances = instances;
        this.concurrency = concurrency;
        this.claimBatchSize = claimBatchSize;
        this.connectionCount = connectionCount;
        this.poolSize = poolSize;
        this.recorder = recorder;
    }

    @Override
    public String name() {
        return instances == 1 ? "luxaris" : "luxaris-x" + instances;
    }

    @Override
    public String schema() {
        return schema;
    }

    /** Puts schedule {@code i} on account {@code value.applyAsInt(i)} (a burst's layout) instead of i modulo. */
    LuxarisEngine accountOf(IntUnaryOperator value) {
        this.accountOf = value;
        return this;
    }

    private ChannelConnection account(int i) {
        return connections.get(accountOf == null ? i % connections.size() : accountOf.applyAsInt(i));
    }

    /** Whether the no-op channel can look every post up (default) or none. */
    LuxarisEngine lookupEveryRequest(boolean value) {
        this.lookupEveryRequest = value;
        return this;
    }

    /** Runs the publishes on {@code value} (shut down when this engine is closed) instead of the engine's pool. */
    LuxarisEngine executor(ExecutorService value) {
        this.executor = value;
        return this;
    }

    EngineSettings engineSettings() {
        // README's documented tuning: concurrency in flight per instance, one in flight per account (keeps an
        // account's posts in order); the rest are the defaults
        var b = EngineSettings.builder()
                .maxConcurrency(concurrency)
                .perConnectionConcurrency(1)
                .claimBatchSize(claimBatchSize);
        if (executor != null) {
            b.executor(executor);
        }
        return b.build();
    }

    @Override
    public Map<String, Object> settings() {
        EngineSettings s = engineSettings();
        var m = new LinkedHashMap<String, Object>();
        m.put("instances", instances);
        m.put("maxConcurrency", s.maxConcurrency());
        m.put("perConnectionConcurrency", s.perConnectionConcurrency());
        m.put("claimBatchSize", s.claimBatchSize());
        m.put("leaseDuration", s.leaseDuration().toString());
        m.put("maxIdleSleep", s.maxIdleSleep().toString());
        m.put("poolSizePerInstance", poolSize);
        m.put("accounts", connectionCount);
        m.put("channelLookup", lookupEveryRequest ? "every post (claimed straight to processing)" : "none");
        m.put(
                "executor",
                executor == null
                        ? "the engine's own pool of maxConcurrency threads"
                        : "a virtual thread per publish (maxConcurrency in flight)");
        return m;
    }

    private JdbcStorage storage(String application, int size, boolean migrate) {
        var b = JdbcStorage.builder()
                .url(pg.url)
                .user(pg.user)
                .schema(schema)
                .migrate(migrate)
                .maximumPoolSize(size)
                .poolName(pg.application(application))
                .property("ApplicationName", pg.application(application));
        if (!pg.password.isEmpty()) {
            b.password(pg.password);
        }
        return b.build();
    }

    private Luxaris luxaris(JdbcStorage storage, String instanceId, AtomicInteger published) {
        var b = Luxaris.builder()
                .storage(storage)
                .secretCipher(cipher)
                .channel(RecordingChannel.create(numbers, recorder, lookupEveryRequest))
                .engine(engineSettings())
                .instanceId(instanceId);
        if (published != null) {
            b.listener(e -> {
                if (e instanceof LuxarisEvent.Published) {
                    published.incrementAndGet();
                }
            });
        }
        return b.build();
    }

    /** Creates the tables (Flyway) and connects the accounts through the facade. */
    @Override
    public void setUp() throws Exception {
        pg.recreateSchema(schema);
        try (JdbcStorage admin = storage("aux-setup-luxaris", 4, true);
                Luxaris luxaris = luxaris(admin, "setup", null)) {
            for (int i = 0; i < connectionCount; i++) {
                connections.add(luxaris.channels()
                        .connect(
                                OWNER,
                                ConnectionRequest.of(RecordingChannel.KEY, "@acct" + i, Credentials.bearer("t" + i))));
            }
        }
    }

    @Override
    public void seedDue(int n, IntFunction<Instant> dueAt) throws Exception {
        write(n, i -> dueAt.apply(i), true);
    }

    @Override
    public void prepareProduction(int n) throws Exception {
        drafts = new VariantId[n];
        write(n, null, false);
    }

    /**
     * Writes {@code n} posts with one variant each through the storage SPI; with {@code scheduled}, ready variants
     * of scheduled posts with a pending schedule due at {@code dueAt(i)}, else drafts. The rows are built here, in
     * the order of {@code i}, and inserted by {@value #SEED_THREADS} threads: schedule ids are time-ordered, so
     * schedule {@code i} sorts before schedule {@code i + 1} as it would had they been created one after another
     * (Luxaris runs schedules due at the same instant in id order; a burst checks each account's order by {@code i}).
     */
    private void write(int n, IntFunction<Instant> dueAt, boolean scheduled) throws Exception {
        try (JdbcStorage jdbc = storage("aux-seed-luxaris", SEED_THREADS + 1, false)) {
            Storage storage = jdbc.open(new StorageContext(Clock.systemUTC()));
            ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
            try {
                var futures = new ArrayList<Future<?>>();
                for (int start = 0; start < n; start += SEED_CHUNK) {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    var posts = new ArrayList<Post>(SEED_CHUNK);
                    var variants = new ArrayList<PostVariant>(SEED_CHUNK);
                    var schedules = new ArrayList<Schedule>(scheduled ? SEED_CHUNK : 0);
                    for (int i = start; i < Math.min(n, start + SEED_CHUNK); i++) {
                        ChannelConnection c = account(i);
                        String text = "Harness post " + i + " https://example.com/p/" + i;
                        Post post = new Post(
                                PostId.random(),
                                c.ownerPrincipalId(),
                                Optional.empty(),
                                text,
                                List.of(),
                                scheduled ? PostStatus.SCHEDULED : PostStatus.DRAFT,
                                Map.of(),
                                now,
                                now,
                                Optional.empty(),
                                0);
                        PostVariant variant = new PostVariant(
                                VariantId.random(),
                                post.id(),
                                c.channelId(),
                                Optional.of(c.id()),
                                text,
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                VariantSource.MANUAL,
                                scheduled ? VariantStatus.READY : VariantStatus.DRAFT,
                                Map.of(),
                                now,
                                now,
                                Optional.empty(),
                                0);
                        posts.add(post);
                        variants.add(variant);
                        if (scheduled) {
                            Instant due = dueAt.apply(i).truncatedTo(ChronoUnit.MICROS);
                            Schedule s = Schedule.pending(variant, c.id(), due, ZoneOffset.UTC, now);
                            schedules.add(s);
                            numbers.put(s.id(), i);
                        } else {
                            drafts[i] = variant.id();
                        }
                    }
                    futures.add(pool.submit(() -> storage.inTransaction(tx -> {
                        posts.forEach(tx.posts()::insert);
                        variants.forEach(tx.variants()::insert);
                        schedules.forEach(tx.schedules()::insert);
                        return null;
                    })));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Override
    public void build() {
        for (int k = 1; k <= instances; k++) {
            String id = "luxaris-" + k;
            JdbcStorage storage = storage(id, poolSize, false);
            var published = new AtomicInteger();
            nodes.add(new Node(id, storage, luxaris(storage, id, published), published));
        }
    }

    @Override
    public void start() {
        nodes.forEach(n -> n.luxaris().publishing().start());
    }

    /** Schedules draft {@code i} on its account through the first instance's facade (which wakes its engine). */
    @Override
    public void produce(int i, Instant runAt) {
        ChannelConnection c = account(i);
        Schedule s = nodes.get(0).luxaris().schedules().schedule(OWNER, ScheduleRequest.at(drafts[i], c.id(), runAt));
        numbers.put(s.id(), i);
    }

    /** Schedules drafts {@code first..} in one {@code schedules().scheduleAll(...)} call (one transaction). */
    @Override
    public void produceAll(int first, List<Instant> runAts) {
        var requests = new ArrayList<ScheduleRequest>(runAts.size());
        for (int k = 0; k < runAts.size(); k++) {
            requests.add(
                    ScheduleRequest.at(drafts[first + k], account(first + k).id(), runAts.get(k)));
        }
        BulkResult<Schedule> result = nodes.get(0).luxaris().schedules().scheduleAll(OWNER, requests);
        for (BulkItem<Schedule> item : result.items()) {
            Schedule s = item.created()
                    .orElseThrow(() -> new IllegalStateException(
                            "schedule " + (first + item.index()) + " was refused: " + item.violations()));
            numbers.put(s.id(), first + item.index());
        }
    }

    @Override
    public String remainingSql() {
        return "SELECT count(*) FROM " + schema
                + ".luxaris_schedule WHERE status IN ('pending', 'queued', 'processing')";
    }

    @Override
    public void stop() {
        nodes.forEach(n -> n.luxaris().publishing().stop(Duration.ofSeconds(10)));
    }

    @Override
    public void verify(int n, Result result) throws Exception {
        var byStatus = new LinkedHashMap<String, Long>();
        long events;
        long publishedVariants;
        try (Connection c = pg.connect("aux-verify", schema);
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT status, count(*) FROM luxaris_schedule GROUP BY status ORDER BY status")) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(DISTINCT schedule_id) FROM luxaris_publish_event WHERE status = 'success'")) {
                rs.next();
                events = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM luxaris_variant WHERE status = 'published'")) {
                rs.next();
                publishedVariants = rs.getLong(1);
            }
        }
        var perInstance = new LinkedHashMap<String, Integer>();
        nodes.forEach(node -> perInstance.put(node.id(), node.published().get()));
        result.put("schedulesByStatus", byStatus)
                .put("publishEvents", events)
                .put("publishedVariants", publishedVariants)
                .put("publishedPerInstance", perInstance);
        result.check(byStatus.getOrDefault("success", 0L) == n && byStatus.size() == 1, "every schedule is success")
                .check(events == n, "one success publish event per schedule")
                .check(publishedVariants == n, "every variant published")
                .check(
                        perInstance.values().stream()
                                        .mapToInt(Integer::intValue)
                                        .sum()
                                == n,
                        "the instances reported every publish once");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Node n : nodes) {
            try {
                n.luxaris().close();
            } finally {
                n.storage().close();
            }
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
