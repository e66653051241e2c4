package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.VariantId;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.QueueDraft;
import io.luxaris.usecase.QueueSlot;
import io.luxaris.usecase.VariantDraft;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two application instances, each with its own pool on one PostgreSQL database, enqueue into one queue at the same
 * time: every enqueue succeeds, no slot is taken twice, and together they fill exactly the first free slots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueRaceTest {
    private static final int THREADS_PER_INSTANCE = 4;
    private static final int ENQUEUES_PER_THREAD = 12;
    private static final int TOTAL = 2 * THREADS_PER_INSTANCE * ENQUEUES_PER_THREAD;

    private TestDatabase db;

    @BeforeAll
    void createDatabase() {
        db = TestDatabase.orNull(TestDatabase.Kind.POSTGRESQL);
        if (db != null) {
            db.storage().build().close(); // creates the tables
        }
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void twoInstancesEnqueueingAtOnce_neverTakeOneSlotTwice() throws Exception {
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
        db.deleteAllRows();
        var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        // one fixed time for both instances, so that no slot passes while they race
        var clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        Principal alice = Principal.of("alice");
        try (JdbcStorage storageA = db.storage().build();
                JdbcStorage storageB = db.storage().build();
                Luxaris a = instance(storageA, cipher, clock);
                Luxaris b = instance(storageB, cipher, clock)) {
            ConnectionId account = a.channels()
                    .connect(alice, ConnectionRequest.of("fake", "@alice", Credentials.bearer("tok")))
                    .id();
            LocalTime[] halfHours = IntStream.range(0, 48)
                    .mapToObj(i -> LocalTime.of(i / 2, (i % 2) * 30))
                    .toArray(LocalTime[]::new);
            PostingQueue queue = a.queues().create(alice, QueueDraft.of("race", account, "Europe/Berlin", halfHours));
            List<Instant> firstFree = b.queues().preview(alice, queue.id(), TOTAL).stream()
                    .map(QueueSlot::at)
                    .toList();
            List<VariantId> variants = new ArrayList<>();
            for (int i = 0; i < TOTAL; i++) {
                variants.add(a.posts()
                        .create(alice, PostDraft.of("post " + i).withVariant(VariantDraft.of("fake", "post " + i)))
                        .firstVariant()
                        .id());
            }

            var start = new CyclicBarrier(2 * THREADS_PER_INSTANCE);
            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
            var futures = new ArrayList<Future<List<Schedule>>>();
            try {
                for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                    Luxaris instance = t % 2 == 0 ? a : b;
                    List<VariantId> mine = variants.subList(t * ENQUEUES_PER_THREAD, (t + 1) * ENQUEUES_PER_THREAD);
                    futures.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        var out = new ArrayList<Schedule>();
                        for (VariantId v : mine) {
                            out.add(instance.schedules().enqueue(alice, v, queue.id()));
                        }
                        return out;
                    }));
                }
                var runAts = new ArrayList<Instant>();
                for (Future<List<Schedule>> f : futures) {
                    f.get(120, TimeUnit.SECONDS).forEach(s -> runAts.add(s.runAt()));
                }

                assertThat(runAts).hasSize(TOTAL);
                assertThat(new HashSet<>(runAts)).as("distinct slots").hasSize(TOTAL);
                assertThat(runAts).containsExactlyInAnyOrderElementsOf(firstFree);
                assertThat(a.queues().queued(alice, queue.id(), TOTAL))
                        .extracting(QueueSlot::at)
                        .containsExactlyElementsOf(firstFree);
                assertThat(Counts.number(db, "SELECT count(*) FROM " + db.qualified("posting_queue_slot")))
                        .isEqualTo(TOTAL);
                assertThat(Counts.number(
                                db, "SELECT count(DISTINCT slot_at) FROM " + db.qualified("posting_queue_slot")))
                        .isEqualTo(TOTAL);
                assertThat(Counts.number(db, "SELECT count(*) FROM " + db.qualified("schedule")))
                        .isEqualTo(TOTAL);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Luxaris instance(JdbcStorage storage, TinkSecretCipher cipher, Clock clock) {
        return Luxaris.builder()
                .storage(storage)
                .secretCipher(cipher)
                .channel(ScriptedChannel.create("fake"))
                .clock(clock)
                .build();
    }
}
