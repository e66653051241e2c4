package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.SeriesOccurrence;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.SeriesRequest;
import io.luxaris.usecase.VariantDraft;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two application instances, each with its own pool, materialise the same recurring series on one PostgreSQL
 * database at the same moment, round after round: every occurrence gets exactly one schedule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecurringMultiInstanceTest {
    private static final int SERIES = 20;
    private static final int AHEAD = 3;
    private static final int ROUNDS = 6;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private TestDatabase db;

    @BeforeAll
    void createDatabase() {
        db = TestDatabase.orNull(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void twoInstancesMaterialisingAtOnce_makeOneSchedulePerOccurrence() throws Exception {
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
        var clock = SettableClock.at("2026-03-20T23:00:00Z"); // every occurrence of a day lies before 23:00 UTC
        var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        var alice = Principal.of("alice");
        try (JdbcStorage jdbcA = db.storage().build();
                JdbcStorage jdbcB = db.storage().build();
                Luxaris a = instance(jdbcA, cipher, clock);
                Luxaris b = instance(jdbcB, cipher, clock)) {
            var account = a.channels().connect(alice, ConnectionRequest.of("fake", "@a", Credentials.bearer("tok-1")));
            var series = new ArrayList<RecurringSeries>();
            for (int i = 0; i < SERIES; i++) {
                var post =
                        a.posts().create(alice, PostDraft.of("p" + i).withVariant(VariantDraft.of("fake", "Tip " + i)));
                var rule = RecurrenceRule.daily(1, LocalDate.of(2026, 3, 21), LocalTime.of(6 + i % 12, i % 60), BERLIN);
                series.add(a.recurrences()
                        .create(
                                alice,
                                SeriesRequest.of(post.firstVariant().id(), account.id(), rule)
                                        .withVariations(List.of("A " + i, "B " + i))
                                        .withHorizon(30, AHEAD)));
            }

            int made = 0;
            int madeByA = 0;
            var barrier = new CyclicBarrier(2);
            for (int round = 0; round < ROUNDS; round++) {
                clock.advance(Duration.ofDays(1)); // one occurrence of each series is now past: one place frees up
                var byA = CompletableFuture.supplyAsync(() -> materialiseTogether(a, barrier));
                var byB = CompletableFuture.supplyAsync(() -> materialiseTogether(b, barrier));
                int together = byA.get() + byB.get();
                madeByA += byA.get();
                assertThat(together).as("round %d", round).isEqualTo(SERIES);
                made += together;
            }
            assertThat(made).isEqualTo(SERIES * ROUNDS);
            assertThat(madeByA).as("both instances took part").isBetween(1, made - 1);

            for (RecurringSeries s : series) {
                List<Schedule> schedules = a.schedules().listForPost(alice, s.postId());
                List<SeriesOccurrence> occurrences = a.recurrences().occurrences(alice, s.id());
                assertThat(schedules).hasSize(AHEAD + ROUNDS);
                assertThat(occurrences).hasSize(AHEAD + ROUNDS);
                assertThat(new HashSet<>(schedules.stream().map(Schedule::runAt).toList()))
                        .as("no two schedules for one time")
                        .hasSize(schedules.size());
                assertThat(occurrences)
                        .extracting(o -> o.scheduleId())
                        .containsExactlyInAnyOrderElementsOf(
                                schedules.stream().map(Schedule::id).toList());
                assertThat(a.recurrences().get(alice, s.id()).nextIndex()).isEqualTo(AHEAD + ROUNDS);
            }
            assertThat(countRows("schedule")).isEqualTo((long) SERIES * (AHEAD + ROUNDS));
            assertThat(countRows("recurring_occurrence")).isEqualTo((long) SERIES * (AHEAD + ROUNDS));
        }
    }

    private static int materialiseTogether(Luxaris instance, CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return instance.recurrences().materialise();
    }

    private Luxaris instance(JdbcStorage jdbc, TinkSecretCipher cipher, SettableClock clock) {
        return Luxaris.builder()
                .storage(jdbc)
                .secretCipher(cipher)
                .channel(ScriptedChannel.create("fake"))
                .clock(clock)
                .build();
    }

    private long countRows(String table) throws Exception {
        try (var c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + db.qualified(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
