package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventId;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Completion;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The PostgreSQL publishing path: the claim is one statement per batch, planned on the partial index of pending
 * schedules; a post's schedules are found through its variants (the schedule table keeps no post index).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimQueryTest {
    private static final ChannelId FAKE = ChannelId.forKey("fake");

    private TestDatabase db;
    private CountingDataSource counting;
    private com.zaxxer.hikari.HikariDataSource pool;
    private JdbcStorage jdbc;
    private Storage storage;

    @BeforeAll
    void createDatabase() throws Exception {
        db = TestDatabase.orNull(TestDatabase.Kind.POSTGRESQL);
        if (db == null) {
            return;
        }
        var config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        pool = new com.zaxxer.hikari.HikariDataSource(config);
        counting = new CountingDataSource(pool);
        jdbc = JdbcStorage.builder().dataSource(counting).schema(db.name).build();
        storage = jdbc.open(new StorageContext(Clock.systemUTC()));
        try (Luxaris luxaris = Luxaris.builder()
                .storage(jdbc)
                .secretCipher(TinkSecretCipher.of(TinkSecretCipher.generateKeyset()))
                .channel(ScriptedChannel.create("fake"))
                .build()) {
            ChannelConnection c = luxaris.channels()
                    .connect(Principal.of("alice"), ConnectionRequest.of("fake", "@a", Credentials.bearer("tok")));
            Instant now = storage.readOnly((Transaction tx) -> tx.queue().now());
            Seeds.dueSchedules(storage, List.of(c), 5_000, now.minusSeconds(60));
        }
        // most schedules are done, as in a long-running installation
        db.execute(
                "UPDATE " + db.qualified("schedule") + " SET status = 'success' WHERE id IN (SELECT id FROM "
                        + db.qualified("schedule") + " ORDER BY id LIMIT 4800)",
                "ANALYZE " + db.qualified("schedule"));
    }

    @BeforeEach
    void requireDatabase() {
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
    }

    @AfterAll
    void dropDatabase() {
        if (jdbc != null) {
            jdbc.close();
            pool.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theClaimQuery_isPlannedOnThePartialIndexOfPendingSchedules() throws Exception {
        counting.record();
        List<Schedule> claimed = storage.inTransaction((Transaction tx) ->
                tx.queue().claim(new ClaimRequest("planner", 10, Duration.ofMinutes(1), Set.of(FAKE), Set.of())));
        assertThat(claimed).hasSize(10);
        String claimSql = counting.recorded().stream()
                .filter(s -> s.contains("FOR UPDATE SKIP LOCKED"))
                .findFirst()
                .orElseThrow();
        int n = 0;
        var positional = new StringBuilder();
        for (char ch : claimSql.toCharArray()) {
            positional.append(ch == '?' ? "$" + (++n) : String.valueOf(ch));
        }
        String plan;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("PREPARE claim(text, bigint, uuid[], uuid[], int) AS " + positional);
            var lines = new ArrayList<String>();
            try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE claim('planner', 60000000, ARRAY['" + FAKE.value()
                    + "']::uuid[], ARRAY[]::uuid[], 100)")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            plan = String.join("\n", lines);
        }
        System.out.println("claim statement:\n" + claimSql + "\nplan:\n" + plan);
        assertThat(n).as("parameters").isEqualTo(5);
        assertThat(plan).contains("luxaris_schedule_claim_idx").doesNotContain("Seq Scan on luxaris_schedule");
    }

    @Test
    void aPostsSchedules_areFoundThroughItsVariants_onTheVariantIndex() throws Exception {
        db.execute("ANALYZE " + db.qualified("variant"));
        String post;
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT post_id FROM " + db.qualified("schedule") + " LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            post = rs.getString(1);
        }
        counting.record();
        List<Schedule> found = storage.readOnly(
                (Transaction tx) -> tx.schedules().listByPost(new PostId(java.util.UUID.fromString(post))));
        assertThat(found)
                .isNotEmpty()
                .allSatisfy(x -> assertThat(x.postId().value().toString()).isEqualTo(post));
        String sql = counting.recorded().stream()
                .filter(x -> x.contains("variant_id IN"))
                .findFirst()
                .orElseThrow();
        String plan;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("PREPARE by_post(uuid) AS " + sql.replace("?", "$1"));
            var lines = new ArrayList<String>();
            try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE by_post('" + post + "')")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            plan = String.join("\n", lines);
        }
        System.out.println("schedules of a post:\n" + sql + "\nplan:\n" + plan);
        assertThat(plan).contains("luxaris_schedule_variant_idx").doesNotContain("Seq Scan on luxaris_schedule");
    }

    @Test
    void queueOperations_costOneStatementPerBatch() {
        long before = counting.executions();
        List<Schedule> claimed = storage.inTransaction((Transaction tx) ->
                tx.queue().claim(new ClaimRequest("counted", 100, Duration.ofMinutes(1), Set.of(FAKE), Set.of())));
        long claim = counting.executions() - before;

        var fences = claimed.stream()
                .map(s -> new Fence(s.id(), s.attemptCount(), "counted"))
                .toList();
        before = counting.executions();
        var started = storage.inTransaction((Transaction tx) -> tx.queue().markProcessing(fences));
        long start = counting.executions() - before;

        before = counting.executions();
        Instant now = Instant.now();
        storage.inTransaction((Transaction tx) -> {
            var events = new ArrayList<PublishEvent>();
            var completions = new ArrayList<Completion>();
            for (Schedule s : claimed) {
                completions.add(new Completion(
                        new Fence(s.id(), s.attemptCount(), "counted"),
                        s.toBuilder().status(ScheduleStatus.SUCCESS).build()));
                events.add(new PublishEvent(
                        PublishEventId.random(),
                        s.id(),
                        s.attemptCount(),
                        now,
                        PublishEventStatus.SUCCESS,
                        Optional.of("ext"),
                        Optional.empty(),
                        Optional.<FailureKind>empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
            }
            tx.queue().completeAll(completions);
            tx.publishEvents().insertAll(events);
            return null;
        });
        long complete = counting.executions() - before;

        System.out.printf(
                "statements: claim of %d = %d, start of %d = %d, completion of %d with their events = %d%n",
                claimed.size(), claim, started.size(), start, claimed.size(), complete);
        assertThat(claimed).hasSize(100);
        assertThat(started).hasSize(100);
        assertThat(claim).isEqualTo(1);
        assertThat(start).isEqualTo(1);
        assertThat(complete).as("one batch of completions, one of events").isEqualTo(2);
    }
}
