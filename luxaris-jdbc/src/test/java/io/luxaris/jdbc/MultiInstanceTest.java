package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several application instances, each with its own pool, share one PostgreSQL database: every due schedule is
 * published exactly once, and an instance that loses its database loses nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceTest {
    private static final int SCHEDULES = 20_000;

    private TestDatabase db;
    private TinkSecretCipher cipher;
    private ScriptedChannel channel;
    private List<ScheduleId> schedules;

    @BeforeAll
    void createDatabase() {
        db = TestDatabase.orNull(TestDatabase.Kind.POSTGRESQL);
        if (db == null) {
            return;
        }
        db.storage().build().close(); // creates the tables
        cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void seed() throws Exception {
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
        db.deleteAllRows();
        channel = ScriptedChannel.create("fake");
        try (JdbcStorage jdbc = db.storage().build();
                Luxaris admin = Luxaris.builder()
                        .storage(jdbc)
                        .secretCipher(cipher)
                        .channel(channel)
                        .build()) {
            var connections = new ArrayList<ChannelConnection>();
            for (int i = 0; i < 4; i++) {
                connections.add(admin.channels()
                        .connect(
                                Principal.of("owner-" + i),
                                ConnectionRequest.of("fake", "@account" + i, Credentials.bearer("token-" + i))));
            }
            Storage storage = jdbc.open(new StorageContext(Clock.systemUTC()));
            Instant now = storage.readOnly(tx -> tx.queue().now());
            long t0 = System.nanoTime();
            schedules = Seeds.dueSchedules(storage, connections, SCHEDULES, now.minusSeconds(1));
            System.out.printf(
                    "seeded %d due schedules in %d ms%n", schedules.size(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Test
    void threeInstancesOnOneDatabase_publishEveryScheduleExactlyOnce() throws Exception {
        EngineSettings engine = Node.busyEngine().build();
        var nodes = List.of(
                new Node(db, "node-1", cipher, channel, engine),
                new Node(db, "node-2", cipher, channel, engine),
                new Node(db, "node-3", cipher, channel, engine));
        try {
            long t0 = System.nanoTime();
            nodes.forEach(n -> n.luxaris.publishing().start());
            assertThat(Counts.await(Duration.ofSeconds(120), () -> Counts.active(db) == 0))
                    .as("every schedule reaches an outcome")
                    .isTrue();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            nodes.forEach(n -> n.stop(Duration.ofSeconds(5)));

            Map<ScheduleId, Long> posts = postsBySchedule();
            long statements =
                    nodes.stream().mapToLong(n -> n.counting.executions()).sum();
            System.out.printf(
                    "3 instances published %d schedules in %d ms; per instance %s; %d posts on the channel,"
                            + " %d schedules posted more than once; %.1f statements per schedule%n",
                    SCHEDULES,
                    millis,
                    nodes.stream().map(n -> n.id + "=" + n.published.get()).collect(Collectors.joining(", ")),
                    channel.posts().size(),
                    posts.values().stream().filter(c -> c > 1).count(),
                    (double) statements / SCHEDULES);

            assertThat(Counts.byStatus(db)).containsExactly(Map.entry("success", SCHEDULES));
            assertThat(channel.posts()).hasSize(SCHEDULES);
            assertThat(posts)
                    .hasSize(SCHEDULES)
                    .allSatisfy((id, n) -> assertThat(n).as("posts of %s", id).isEqualTo(1));
            assertThat(posts.keySet()).containsExactlyInAnyOrderElementsOf(schedules);
            assertThat(nodes.stream().mapToInt(n -> n.published.get()).sum()).isEqualTo(SCHEDULES);
            assertThat(nodes).allSatisfy(n -> assertThat(n.published.get())
                    .as("%s took part", n.id)
                    .isPositive());
            assertThat(Counts.number(
                            db, "SELECT count(*) FROM " + db.qualified("publish_event") + " WHERE status = 'success'"))
                    .isEqualTo(SCHEDULES);
        } finally {
            nodes.forEach(Node::close);
        }
    }

    @Test
    void anInstanceWhosePoolDiesMidRun_losesNothing_andItsLeasesAreReaped() throws Exception {
        EngineSettings engine = Node.busyEngine()
                .leaseDuration(Duration.ofSeconds(3))
                .reapInterval(Duration.ofSeconds(1))
                .build();
        var survivors = List.of(
                new Node(db, "node-1", cipher, channel, engine), new Node(db, "node-2", cipher, channel, engine));
        // the victim publishes slower (to the same fake platform, counted apart), so that it always holds claims in
        // flight when it dies: at 20 ms a call, a claimed batch was done within the moment between seeing its leases
        // and killing its pool (seen once: "it held 0 leases")
        var victimChannel = ScriptedChannel.create("fake")
                .willAlways(ScriptedChannel.Behavior.delay(Duration.ofMillis(200), ScriptedChannel.Behavior.succeed()));
        var victim = new Node(db, "node-3", cipher, victimChannel, engine);
        try {
            long t0 = System.nanoTime();
            victim.luxaris.publishing().start();
            survivors.forEach(n -> n.luxaris.publishing().start());
            String heldByVictim = "SELECT count(*) FROM " + db.qualified("schedule")
                    + " WHERE lease_owner = 'node-3' AND status IN ('queued', 'processing')";
            assertThat(Counts.await(
                            Duration.ofSeconds(60),
                            () -> victim.published.get() >= 1_000 && Counts.number(db, heldByVictim) > 0))
                    .isTrue();
            int terminated = victim.killPool();
            int postsAtKill = channel.posts().size() + victimChannel.posts().size();
            long held = Counts.number(db, heldByVictim);
            System.out.printf(
                    "killed the pool of node-3 after %d posts (%d server connections terminated); it held %d"
                            + " leases%n",
                    postsAtKill, terminated, held);
            assertThat(held).as("node-3 died holding leases").isPositive();

            assertThat(Counts.await(Duration.ofSeconds(120), () -> Counts.active(db) == 0))
                    .as("every schedule reaches an outcome without node-3")
                    .isTrue();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            survivors.forEach(n -> n.stop(Duration.ofSeconds(5)));

            Map<String, Integer> statuses = Counts.byStatus(db);
            Map<ScheduleId, Long> posts = postsBySchedule(channel, victimChannel);
            long unconfirmedPosted = 0;
            var unconfirmedIds = ids("status = 'unconfirmed'");
            for (ScheduleId id : unconfirmedIds) {
                unconfirmedPosted += posts.getOrDefault(id, 0L);
            }
            System.out.printf(
                    "after the kill: %s in %d ms; published by %s; node-3's leases reaped: %d unconfirmed (%d of"
                            + " them were posted before the kill), %d posts in all, %d schedules posted twice%n",
                    statuses,
                    millis,
                    List.of(victim, survivors.get(0), survivors.get(1)).stream()
                            .map(n -> n.id + "=" + n.published.get())
                            .collect(Collectors.joining(", ")),
                    unconfirmedIds.size(),
                    unconfirmedPosted,
                    channel.posts().size() + victimChannel.posts().size(),
                    posts.values().stream().filter(c -> c > 1).count());

            // nothing lost: every schedule has an outcome, published or (held by the dead node while it was
            // publishing) unconfirmed
            assertThat(statuses.keySet()).isSubsetOf("success", "unconfirmed");
            assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(SCHEDULES);
            // nothing duplicated
            assertThat(posts.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
            for (ScheduleId id : ids("status = 'success'")) {
                assertThat(posts.get(id)).as("posts of %s", id).isEqualTo(1L);
            }
            // the dead node's leases were reaped: it holds nothing any more, its unconfirmed ones say why
            assertThat(Counts.number(
                            db,
                            "SELECT count(*) FROM " + db.qualified("schedule")
                                    + " WHERE lease_owner = 'node-3' AND status IN ('queued', 'processing')"))
                    .isZero();
            assertThat(Counts.number(
                            db,
                            "SELECT count(*) FROM " + db.qualified("schedule")
                                    + " WHERE status = 'unconfirmed' AND (lease_owner <> 'node-3'"
                                    + " OR error_code <> 'lease_expired')"))
                    .isZero();
            assertThat(survivors.stream().mapToInt(n -> n.published.get()).sum())
                    .isPositive();
        } finally {
            survivors.forEach(Node::close);
            // the dead instance cannot write anything any more; close it without waiting for its retries
            CompletableFuture.runAsync(victim::close);
        }
    }

    private Map<ScheduleId, Long> postsBySchedule(ScriptedChannel... channels) {
        var map = new HashMap<ScheduleId, Long>();
        for (ScriptedChannel c : channels.length == 0 ? new ScriptedChannel[] {channel} : channels) {
            c.posts().forEach(p -> map.merge(p.schedule(), 1L, Long::sum));
        }
        return map;
    }

    private List<ScheduleId> ids(String condition) {
        var out = new ArrayList<ScheduleId>();
        try (var c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT id FROM " + db.qualified("schedule") + " WHERE " + condition)) {
            while (rs.next()) {
                out.add(new ScheduleId(rs.getObject(1, java.util.UUID.class)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
