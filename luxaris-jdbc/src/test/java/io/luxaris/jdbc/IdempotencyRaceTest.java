package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.IdempotencyKey;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two application instances (own pools, own Luxaris) on one PostgreSQL schema send the same creating call with the
 * same idempotency key at the same moment: exactly one creation happens and both get its ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyRaceTest {
    private static final Principal ALICE = Principal.of("alice");
    private static final int ROUNDS = 25;

    private TestDatabase db;
    private TinkSecretCipher cipher;
    private Instance a;
    private Instance b;
    private ExecutorService threads;

    @BeforeAll
    void createDatabase() {
        db = TestDatabase.orNull(TestDatabase.Kind.POSTGRESQL);
        if (db != null) {
            db.storage().build().close(); // creates the tables
            cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        }
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void start() {
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
        db.deleteAllRows();
        a = Instance.on(db, "idem-a")
                .cipher(cipher)
                .channel(ScriptedChannel.create("fake"))
                .build();
        b = Instance.on(db, "idem-b")
                .cipher(cipher)
                .channel(ScriptedChannel.create("fake"))
                .build();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (threads != null) {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void schedule_twoInstancesRacingWithOneKeyCreateOneSchedule() throws Exception {
        ChannelConnection account = a.connect("alice", "fake", "token");
        for (int round = 0; round < ROUNDS; round++) {
            PostVariant variant = draft("round " + round);
            var request =
                    ScheduleRequest.at(variant.id(), account.id(), Instant.now().plus(Duration.ofDays(1)));
            var key = IdempotencyKey.of("race-" + round);

            List<Schedule> both = race(
                    () -> a.luxaris.schedules().schedule(ALICE, request, key),
                    () -> b.luxaris.schedules().schedule(ALICE, request, key));

            assertThat(both.get(0).id()).isEqualTo(both.get(1).id());
            assertThat(a.luxaris.schedules().listForPost(ALICE, variant.postId()))
                    .singleElement()
                    .extracting(Schedule::id)
                    .isEqualTo(both.get(0).id());
        }
    }

    @Test
    void scheduleAll_twoInstancesRacingWithOneKeyCreateTheBatchOnce() throws Exception {
        ChannelConnection account = a.connect("alice", "fake", "token");
        for (int round = 0; round < 5; round++) {
            var requests = new ArrayList<ScheduleRequest>();
            var posts = new ArrayList<PostVariant>();
            for (int i = 0; i < 50; i++) {
                PostVariant v = draft("batch " + round + "/" + i);
                posts.add(v);
                requests.add(
                        ScheduleRequest.at(v.id(), account.id(), Instant.now().plus(Duration.ofHours(i + 1))));
            }
            var key = IdempotencyKey.of("batch-" + round);

            var both = race(
                    () -> a.luxaris.schedules().scheduleAll(ALICE, requests, key),
                    () -> b.luxaris.schedules().scheduleAll(ALICE, requests, key));

            assertThat(both.get(0).created()).hasSize(50);
            assertThat(both.get(1).created().stream().map(Schedule::id).toList())
                    .isEqualTo(both.get(0).created().stream().map(Schedule::id).toList());
            for (PostVariant v : posts) {
                assertThat(b.luxaris.schedules().listForPost(ALICE, v.postId())).hasSize(1);
            }
        }
    }

    @Test
    void createPost_twoInstancesRacingWithOneKeyCreateOnePost() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            var draft = PostDraft.of("post " + round).withVariant(VariantDraft.of("fake", "post " + round));
            var key = IdempotencyKey.of("post-" + round);

            var both = race(
                    () -> a.luxaris.posts().create(ALICE, draft, key),
                    () -> b.luxaris.posts().create(ALICE, draft, key));

            assertThat(both.get(0).post().id()).isEqualTo(both.get(1).post().id());
            assertThat(both.get(0).firstVariant().id())
                    .isEqualTo(both.get(1).firstVariant().id());
        }
        assertThat(a.luxaris
                        .posts()
                        .list(ALICE, io.luxaris.usecase.PostQuery.all())
                        .items())
                .hasSize(ROUNDS);
    }

    private PostVariant draft(String text) {
        return a.luxaris
                .posts()
                .create(ALICE, PostDraft.of(text).withVariant(VariantDraft.of("fake", text)))
                .firstVariant();
    }

    /** Runs both calls at once (released together by a barrier) and returns their results. */
    private <T> List<T> race(Callable<T> first, Callable<T> second) throws Exception {
        var barrier = new CyclicBarrier(2);
        Future<T> one = threads.submit(() -> {
            barrier.await(10, TimeUnit.SECONDS);
            return first.call();
        });
        Future<T> two = threads.submit(() -> {
            barrier.await(10, TimeUnit.SECONDS);
            return second.call();
        });
        return List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));
    }
}
