package io.luxaris.examples.multinode;

import io.luxaris.Luxaris;
import io.luxaris.channels.x.XChannel;
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
import io.luxaris.usecase.ConnectionRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chaos run (Maven profile {@code chaos}, not part of {@code verify}; see DEVELOPERS.md): three engines (three
 * {@code Luxaris} instances with their own pools) on one PostgreSQL schema publish 20,000 schedules, due over a few
 * minutes, to the real X channel pointed at a mock X API, while
 *
 * <ul>
 *   <li>every few seconds the server backends of all three pools are terminated,
 *   <li>one account's calls trickle (a few bytes a second, long past the publish timeout),
 *   <li>one account's stored credentials cannot be decrypted,
 *   <li>1 % of the posts are answered with a 100 MB body (through the real adapter).
 * </ul>
 *
 * <p>At the end it prints the counts (also to {@code target/chaos-report.txt}) and checks: every schedule is
 * terminal or {@code unconfirmed} with a reason; none was posted twice ({@code POST}s per schedule at the mock); no
 * healthy schedule went out later than lease + 10 s after its time; the listener events equal the committed
 * outcomes ({@code publish_event} rows), schedule by schedule. Sizes can be changed with {@code -Dchaos.schedules},
 * {@code -Dchaos.spreadSeconds}, {@code -Dchaos.hugeBytes}.
 */
@Tag("chaos")
class ChaosRunTest {
    private static final int SCHEDULES = Integer.getInteger("chaos.schedules", 20_000);
    private static final int SPREAD_SECONDS = Integer.getInteger("chaos.spreadSeconds", 200);
    private static final long HUGE_BYTES = Long.getLong("chaos.hugeBytes", 100L * 1024 * 1024);
    private static final int NODES = 3;
    private static final int HEALTHY_ACCOUNTS = 20;
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration KILL_EVERY = Duration.ofSeconds(3);
    private static final Duration ON_TIME = LEASE.plusSeconds(10);
    private static final Duration FIRST_DUE_IN = Duration.ofSeconds(10);
    private static final Duration SETTLE_AFTER_LAST_DUE = Duration.ofMinutes(3);

    /** The trickling account's schedules: 1 in 1,000. */
    static boolean trickles(int n) {
        return n % 1000 == 7;
    }

    /** The undecryptable account's schedules: 1 in 1,000. */
    static boolean poisoned(int n) {
        return n % 1000 == 13;
    }

    /** Schedules answered with a huge body: 1 %. */
    static boolean huge(int n) {
        return n % 100 == 50;
    }

    static boolean healthy(int n) {
        return !trickles(n) && !poisoned(n) && !huge(n);
    }

    private record Node(String id, String applicationName, JdbcStorage storage, Luxaris luxaris) {}

    private record Seen(String node, LuxarisEvent event) {}

    private record Row(ScheduleId id, int number, String status, Optional<String> errorCode, Instant runAt) {}

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void threeEnginesUnderChaos_publishEveryScheduleAtMostOnce_onTime_andReportEveryCommittedOutcome()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var report = new Report();
        try (PostgresSchema db = PostgresSchema.create();
                ChaosX x = new ChaosX(ChaosRunTest::huge, HUGE_BYTES)) {
            String t = db.name + ".luxaris_";
            var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
            var events = new ConcurrentLinkedQueue<Seen>();
            EngineSettings engine = EngineSettings.builder()
                    .maxConcurrency(32)
                    .perConnectionConcurrency(2)
                    .claimBatchSize(32)
                    .leaseDuration(LEASE)
                    .heartbeatInterval(Duration.ofSeconds(2))
                    .reapInterval(Duration.ofSeconds(2))
                    .publishTimeout(PUBLISH_TIMEOUT)
                    .maxIdleSleep(Duration.ofSeconds(1))
                    .build();
            var nodes = new ArrayList<Node>();
            try {
                for (int i = 1; i <= NODES; i++) {
                    nodes.add(node(db, "chaos-node-" + i, cipher, engine, x, events));
                }
                report.line(
                        "chaos run %s: %d engines on PostgreSQL schema %s, mock X at %s; %d schedules due over %d s;"
                                + " lease %s, publish timeout %s, backends terminated every %s, huge bodies %d bytes",
                        run,
                        NODES,
                        db.name,
                        x.url(),
                        SCHEDULES,
                        SPREAD_SECONDS,
                        LEASE,
                        PUBLISH_TIMEOUT,
                        KILL_EVERY,
                        HUGE_BYTES);

                // accounts: 20 healthy, one trickling, one whose credentials will not decrypt
                Luxaris admin = nodes.get(0).luxaris();
                Principal author = Principal.of("chaos-author");
                var healthyAccounts = new ArrayList<ChannelConnection>();
                for (int i = 0; i < HEALTHY_ACCOUNTS; i++) {
                    healthyAccounts.add(account(admin, author, x, "chaos_h" + i, "3000000" + i, run, false));
                }
                ChannelConnection slow = account(admin, author, x, "chaos_slow", "40000001", run, true);
                ChannelConnection poison = account(admin, author, x, "chaos_poison", "40000002", run, false);

                long t0 = System.nanoTime();
                Storage storage = nodes.get(0).storage().open(new StorageContext(Clock.systemUTC()));
                List<ScheduleId> ids = seed(storage, n -> {
                    if (trickles(n)) {
                        return slow;
                    }
                    if (poisoned(n)) {
                        return poison;
                    }
                    return healthyAccounts.get(n % HEALTHY_ACCOUNTS);
                });
                // due times from now on (database clock), spread evenly, in schedule-number order
                execute(
                        db,
                        "UPDATE " + t + "schedule s SET run_at = d.due, next_attempt_at = d.due FROM (SELECT v.id,"
                                + " now() + interval '" + FIRST_DUE_IN.toSeconds() + " seconds' + (substring(v.content"
                                + " FROM 'chaos post ([0-9]+) ')::int * " + SPREAD_SECONDS * 1000.0 / SCHEDULES
                                + ") * interval '1 millisecond' AS due FROM " + t + "variant v) d WHERE s.variant_id"
                                + " = d.id");
                // flip the last byte of the poison account's sealed credentials
                execute(
                        db,
                        "UPDATE " + t + "connection SET credentials = set_byte(credentials, length(credentials) - 1,"
                                + " get_byte(credentials, length(credentials) - 1) # 255) WHERE id = '" + poison.id()
                                + "'");
                report.line(
                        "seeded %d schedules on %d accounts in %.1f s (%d trickling, %d with undecryptable"
                                + " credentials, %d answered with a huge body)",
                        ids.size(),
                        HEALTHY_ACCOUNTS + 2,
                        (System.nanoTime() - t0) / 1e9,
                        count(ids.size(), ChaosRunTest::trickles),
                        count(ids.size(), ChaosRunTest::poisoned),
                        count(ids.size(), ChaosRunTest::huge));

                // run, terminating every pool's backends every few seconds
                long t1 = System.nanoTime();
                nodes.forEach(n -> n.luxaris().publishing().start());
                var stopKilling = new AtomicBoolean();
                var kills = new AtomicInteger();
                var terminated = new AtomicInteger();
                Thread killer = new Thread(
                        () -> {
                            while (!stopKilling.get()) {
                                sleep(KILL_EVERY);
                                try {
                                    terminated.addAndGet(terminate(db, nodes));
                                    kills.incrementAndGet();
                                } catch (SQLException e) {
                                    report.line("could not terminate backends: %s", e.getMessage());
                                }
                            }
                        },
                        "chaos-killer");
                killer.setDaemon(true);
                killer.start();
                Instant lastDue = Instant.now().plus(FIRST_DUE_IN).plusSeconds(SPREAD_SECONDS);
                Instant killUntil = lastDue.plus(LEASE);
                Instant deadline = lastDue.plus(SETTLE_AFTER_LAST_DUE);
                long nextProgress = System.nanoTime();
                boolean settled = false;
                while (Instant.now().isBefore(deadline)) {
                    if (Instant.now().isAfter(killUntil)) {
                        stopKilling.set(true);
                    }
                    Map<String, Long> statuses = statuses(db);
                    long active = statuses.getOrDefault("pending", 0L)
                            + statuses.getOrDefault("queued", 0L)
                            + statuses.getOrDefault("processing", 0L);
                    if (System.nanoTime() >= nextProgress) {
                        report.line(
                                "  %5.0f s: %s; %d posts at X; %d kills",
                                (System.nanoTime() - t1) / 1e9,
                                statuses,
                                x.posts().size(),
                                kills.get());
                        nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                    }
                    if (active == 0 && Instant.now().isAfter(lastDue)) {
                        settled = true;
                        break;
                    }
                    sleep(Duration.ofSeconds(1));
                }
                stopKilling.set(true);
                killer.join(TimeUnit.SECONDS.toMillis(10));
                report.line(
                        "%s after %.0f s; %d kills terminated %d backends",
                        settled ? "settled" : "NOT SETTLED by the deadline",
                        (System.nanoTime() - t1) / 1e9,
                        kills.get(),
                        terminated.get());
                for (Node n : nodes) {
                    n.luxaris().publishing().stop(Duration.ofSeconds(10));
                }

                check(report, db, x, ids, events, nodes, poison, author);
            } finally {
                for (Node n : nodes) {
                    try {
                        n.luxaris().close();
                    } finally {
                        n.storage().close();
                    }
                }
            }
        } finally {
            report.write(Path.of("target", "chaos-report.txt"));
        }
    }

    private void check(
            Report report,
            PostgresSchema db,
            ChaosX x,
            List<ScheduleId> ids,
            ConcurrentLinkedQueue<Seen> events,
            List<Node> nodes,
            ChannelConnection poison,
            Principal author)
            throws SQLException {
        String t = db.name + ".luxaris_";
        var numbers = new HashMap<ScheduleId, Integer>();
        for (int i = 0; i < ids.size(); i++) {
            numbers.put(ids.get(i), i);
        }
        var rows = new ArrayList<Row>();
        var committed = new HashMap<ScheduleId, Map<String, Integer>>();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, status, error_code, run_at FROM " + t + "schedule")) {
                while (rs.next()) {
                    var id = new ScheduleId(rs.getObject(1, UUID.class));
                    rows.add(new Row(
                            id,
                            numbers.get(id),
                            rs.getString(2),
                            Optional.ofNullable(rs.getString(3)),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT schedule_id, status FROM " + t + "publish_event")) {
                while (rs.next()) {
                    committed
                            .computeIfAbsent(new ScheduleId(rs.getObject(1, UUID.class)), k -> new TreeMap<>())
                            .merge(rs.getString(2), 1, Integer::sum);
                }
            }
        }
        var reported = new HashMap<ScheduleId, Map<String, Integer>>();
        var perNode = new TreeMap<String, Integer>();
        for (Seen seen : events) {
            outcome(seen.event())
                    .ifPresent(kind -> reported.computeIfAbsent(schedule(seen.event()), k -> new TreeMap<>())
                            .merge(kind, 1, Integer::sum));
            if (seen.event() instanceof LuxarisEvent.Published) {
                perNode.merge(seen.node(), 1, Integer::sum);
            }
        }

        // 1. every schedule terminal, or unconfirmed with a reason
        var byStatus = new TreeMap<String, Integer>();
        rows.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        List<Row> open = rows.stream()
                .filter(r -> List.of("pending", "queued", "processing").contains(r.status()))
                .toList();
        List<Row> unconfirmedWithoutReason = rows.stream()
                .filter(r -> r.status().equals("unconfirmed") && r.errorCode().isEmpty())
                .toList();

        // 2. POSTs per schedule at the mock
        Map<Integer, Integer> postRequests = x.postRequests();
        List<Integer> postedTwice = postRequests.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();

        // 3. healthy schedules on time: first POST within lease + 10 s of their time
        Map<Integer, ChaosX.Post> posts = x.posts();
        var late = new ArrayList<String>();
        Duration worst = Duration.ZERO;
        int healthy = 0;
        for (Row r : rows) {
            if (!healthy(r.number())) {
                continue;
            }
            healthy++;
            ChaosX.Post post = posts.get(r.number());
            if (post == null) {
                late.add("#" + r.number() + " never posted (" + r.status()
                        + r.errorCode().map(c -> " " + c).orElse("") + ")");
                continue;
            }
            Duration lateness = Duration.between(r.runAt(), post.at());
            if (lateness.compareTo(worst) > 0) {
                worst = lateness;
            }
            if (lateness.compareTo(ON_TIME) > 0) {
                late.add("#" + r.number() + " " + lateness.toMillis() + " ms late (" + r.status() + ")");
            }
        }

        // 4. listener events = committed outcomes, schedule by schedule
        var mismatched = new ArrayList<String>();
        for (Row r : rows) {
            Map<String, Integer> c = committed.getOrDefault(r.id(), Map.of());
            Map<String, Integer> l = reported.getOrDefault(r.id(), Map.of());
            if (!c.equals(l)) {
                mismatched.add("#" + r.number() + " " + r.status() + ": committed " + c + ", reported " + l);
            }
        }
        var committedTotals = new TreeMap<String, Integer>();
        committed.values().forEach(m -> m.forEach((k, v) -> committedTotals.merge(k, v, Integer::sum)));
        var reportedTotals = new TreeMap<String, Integer>();
        reported.values().forEach(m -> m.forEach((k, v) -> reportedTotals.merge(k, v, Integer::sum)));

        String poisonState;
        try {
            var health = nodes.get(0).luxaris().channels().health(author, poison.id());
            poisonState = health.status().wireName()
                    + health.reason().map(r -> " (" + r + ")").orElse("") + ", needs reauthorization "
                    + health.needsReauthorization();
        } catch (RuntimeException e) {
            poisonState = "health threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }

        var reasons = new TreeMap<String, Integer>();
        rows.stream()
                .filter(r -> r.errorCode().isPresent())
                .forEach(r -> reasons.merge(r.status() + " " + r.errorCode().get(), 1, Integer::sum));
        report.line("schedules by status: %s; with an error code: %s", byStatus, reasons);
        report.line(
                "at X: %d POSTs for %d schedules, %d posts created, %d duplicate-content refusals, %d trickled answers,"
                        + " %d huge answers, %d timeline lookups, %d unauthorized calls",
                postRequests.values().stream().mapToInt(Integer::intValue).sum(),
                postRequests.size(),
                posts.size(),
                x.duplicates.get(),
                x.trickled.get(),
                x.hugeServed.get(),
                x.lookups.get(),
                x.unauthorized.get());
        report.line("Published events per node: %s", perNode);
        report.line("committed outcomes (publish_event rows): %s", committedTotals);
        report.line("listener events:                         %s", reportedTotals);
        report.line("poison account: %s", poisonState);
        report.line(
                "CHECK every schedule terminal or unconfirmed with a reason: %d still open %s, %d unconfirmed without"
                        + " a reason",
                open.size(),
                open.stream()
                        .limit(5)
                        .map(r -> "#" + r.number() + " " + r.status())
                        .toList(),
                unconfirmedWithoutReason.size());
        report.line(
                "CHECK none posted twice: %d schedules with more than one POST %s",
                postedTwice.size(), postedTwice.stream().limit(10).toList());
        report.line(
                "CHECK healthy schedules on time (within %s): %d of %d late or never posted, worst lateness %d ms %s",
                ON_TIME,
                late.size(),
                healthy,
                worst.toMillis(),
                late.stream().limit(5).toList());
        report.line(
                "CHECK listener events = committed outcomes: %d schedules differ %s",
                mismatched.size(), mismatched.stream().limit(5).toList());

        var soft = new SoftAssertions();
        soft.assertThat(open.size())
                .as(
                        "schedules still pending, queued or processing, first: %s",
                        open.stream()
                                .limit(5)
                                .map(r -> "#" + r.number() + " " + r.status())
                                .toList())
                .isZero();
        soft.assertThat(unconfirmedWithoutReason.size())
                .as("unconfirmed schedules without a reason")
                .isZero();
        soft.assertThat(postedTwice.size())
                .as(
                        "schedules posted more than once, first: %s",
                        postedTwice.stream().limit(10).toList())
                .isZero();
        soft.assertThat(late.size())
                .as(
                        "healthy schedules later than %s, first: %s",
                        ON_TIME, late.stream().limit(5).toList())
                .isZero();
        soft.assertThat(mismatched.size())
                .as(
                        "schedules whose listener events differ from their committed outcomes, first: %s",
                        mismatched.stream().limit(5).toList())
                .isZero();
        soft.assertAll();
    }

    /** The committed outcome (publish_event status) an event reports, if it reports one. */
    private static Optional<String> outcome(LuxarisEvent event) {
        if (event instanceof LuxarisEvent.Published) {
            return Optional.of("success");
        }
        if (event instanceof LuxarisEvent.PublishFailed) {
            return Optional.of("failed");
        }
        if (event instanceof LuxarisEvent.RetryScheduled || event instanceof LuxarisEvent.Rescheduled) {
            return Optional.of("retried");
        }
        if (event instanceof LuxarisEvent.Unconfirmed) {
            return Optional.of("unconfirmed");
        }
        if (event instanceof LuxarisEvent.Skipped) {
            return Optional.of("cancelled");
        }
        return Optional.empty();
    }

    private static ScheduleId schedule(LuxarisEvent event) {
        if (event instanceof LuxarisEvent.Published e) {
            return e.schedule().id();
        }
        if (event instanceof LuxarisEvent.PublishFailed e) {
            return e.schedule().id();
        }
        if (event instanceof LuxarisEvent.RetryScheduled e) {
            return e.schedule().id();
        }
        if (event instanceof LuxarisEvent.Rescheduled e) {
            return e.schedule().id();
        }
        if (event instanceof LuxarisEvent.Unconfirmed e) {
            return e.schedule().id();
        }
        return ((LuxarisEvent.Skipped) event).schedule().id();
    }

    private static Node node(
            PostgresSchema db,
            String id,
            TinkSecretCipher cipher,
            EngineSettings engine,
            ChaosX x,
            ConcurrentLinkedQueue<Seen> events) {
        String applicationName = id + "-" + db.name;
        var builder = JdbcStorage.builder()
                .url(db.url)
                .user(db.user)
                .schema(db.name)
                .maximumPoolSize(8)
                .connectionTimeout(Duration.ofSeconds(5))
                .poolName(id)
                .property("ApplicationName", applicationName);
        if (!db.password.isEmpty()) {
            builder.password(db.password);
        }
        JdbcStorage storage = builder.build();
        try {
            Luxaris luxaris = Luxaris.builder()
                    .storage(storage)
                    .secretCipher(cipher)
                    .channel(XChannel.builder().baseUrl(x.url()).build())
                    .engine(engine)
                    .instanceId(id)
                    .listener(event -> events.add(new Seen(id, event)))
                    .build();
            return new Node(id, applicationName, storage, luxaris);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    private static ChannelConnection account(
            Luxaris luxaris, Principal author, ChaosX x, String username, String userId, String run, boolean trickles) {
        String token = "chaos-token-" + username + "-" + run;
        x.add(new ChaosX.Account(token, userId, username, trickles));
        return luxaris.channels()
                .connect(
                        author,
                        ConnectionRequest.of(XChannel.KEY, "@" + username, Credentials.bearer(token))
                                .withProperties(Map.of(
                                        XChannel.PROPERTY_USERNAME, username, XChannel.PROPERTY_USER_ID, userId)));
    }

    /** One post, ready variant and schedule per number (due in a day; the due times are set afterwards). */
    private static List<ScheduleId> seed(Storage storage, java.util.function.IntFunction<ChannelConnection> account)
            throws Exception {
        Instant now = storage.readOnly(tx -> tx.queue().now());
        Instant later = now.plus(Duration.ofDays(1));
        int chunk = 500;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<List<ScheduleId>>>();
            for (int start = 0; start < SCHEDULES; start += chunk) {
                int from = start;
                int to = Math.min(SCHEDULES, start + chunk);
                futures.add(pool.submit(() -> storage.inTransaction(tx -> {
                    var ids = new ArrayList<ScheduleId>(to - from);
                    for (int n = from; n < to; n++) {
                        ChannelConnection c = account.apply(n);
                        String text = "chaos post " + n + " of run "
                                + c.id().toString().substring(0, 8);
                        Post post = new Post(
                                PostId.random(),
                                c.ownerPrincipalId(),
                                Optional.empty(),
                                text,
                                List.of(),
                                PostStatus.SCHEDULED,
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
                                VariantStatus.READY,
                                Map.of(),
                                now,
                                now,
                                Optional.empty(),
                                0);
                        Schedule s = Schedule.pending(variant, c.id(), later, ZoneOffset.UTC, now);
                        tx.posts().insert(post);
                        tx.variants().insert(variant);
                        tx.schedules().insert(s);
                        ids.add(s.id());
                    }
                    return ids;
                })));
            }
            var all = new ArrayList<ScheduleId>(SCHEDULES);
            for (Future<List<ScheduleId>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int terminate(PostgresSchema db, List<Node> nodes) throws SQLException {
        String names = nodes.stream().map(n -> "'" + n.applicationName() + "'").collect(Collectors.joining(", "));
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE"
                        + " application_name IN (" + names + ")")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Map<String, Long> statuses(PostgresSchema db) throws SQLException {
        var map = new TreeMap<String, Long>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT status, count(*) FROM " + db.name + ".luxaris_schedule GROUP BY status")) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getLong(2));
            }
        }
        return map;
    }

    private static void execute(PostgresSchema db, String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(int n, java.util.function.IntPredicate which) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (which.test(i)) {
                count++;
            }
        }
        return count;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run's report: printed as it goes, written to a file at the end. */
    private static final class Report {
        private final List<String> lines = new ArrayList<>();

        synchronized void line(String format, Object... args) {
            String line = String.format(format, args);
            lines.add(line);
            System.out.println(line);
        }

        synchronized void write(Path file) throws IOException {
            Files.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent()));
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
    }
}
