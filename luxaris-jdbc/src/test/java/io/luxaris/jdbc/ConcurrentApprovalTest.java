package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances on one PostgreSQL decide on the same held schedule at the same moment: one approves, the other
 * rejects. Exactly one decision wins, the other is a conflict, and only approved schedules are published, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentApprovalTest {
    private static final int ROUNDS = 20;

    private TestDatabase db;
    private TinkSecretCipher cipher;

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

    @Test
    void approveAndRejectRacingOnTwoInstances_exactlyOneWins_andOnlyApprovedSchedulesArePublishedOnce()
            throws Exception {
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
        db.deleteAllRows();
        var channel = ScriptedChannel.create("fake");
        EngineSettings engine = Node.busyEngine().build();
        Principal alice = Principal.of("alice");
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (var a = new Node(db, "node-a", cipher, channel, engine);
                var b = new Node(db, "node-b", cipher, channel, engine)) {
            ChannelConnection brand = a.luxaris
                    .channels()
                    .connect(alice, ConnectionRequest.of("fake", "@brand", Credentials.bearer("token")));
            b.luxaris.schedules().requireApproval(alice, brand.id(), true); // set on one instance, held on the other
            var approved = new ArrayList<ScheduleId>();
            var rejected = new ArrayList<ScheduleId>();
            Instant latest = Instant.now();
            for (int i = 0; i < ROUNDS; i++) {
                var post = a.luxaris
                        .posts()
                        .create(alice, PostDraft.of("post " + i).withVariant(VariantDraft.of("fake", "text " + i)));
                latest = Instant.now().plusSeconds(2);
                Schedule held = a.luxaris
                        .schedules()
                        .schedule(alice, ScheduleRequest.at(post.firstVariant().id(), brand.id(), latest));
                assertThat(held.status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);

                var start = new CountDownLatch(1);
                Future<Schedule> approve = executor.submit(() -> {
                    start.await();
                    return a.luxaris.schedules().approve(alice, held.id(), "go");
                });
                Future<Schedule> reject = executor.submit(() -> {
                    start.await();
                    return b.luxaris.schedules().reject(alice, held.id(), "stop");
                });
                start.countDown();
                Optional<Schedule> approval = unlessConflict(approve);
                Optional<Schedule> rejection = unlessConflict(reject);

                assertThat(approval.isPresent())
                        .as("round %d: exactly one decision wins", i)
                        .isNotEqualTo(rejection.isPresent());
                Schedule stored = b.luxaris.schedules().get(alice, held.id());
                if (approval.isPresent()) {
                    assertThat(stored.status()).isEqualTo(ScheduleStatus.PENDING);
                    approved.add(held.id());
                } else {
                    assertThat(stored.status()).isEqualTo(ScheduleStatus.CANCELLED);
                    assertThat(stored.errorCode()).contains("approval_rejected");
                    rejected.add(held.id());
                }
            }
            while (!Instant.now().isAfter(latest.plusMillis(200))) {
                Thread.sleep(100);
            }
            a.luxaris.publishing().runDue();
            b.luxaris.publishing().runDue();

            System.out.println("approval races: " + approved.size() + " approved, " + rejected.size() + " rejected");
            assertThat(approved.size() + rejected.size()).isEqualTo(ROUNDS);
            for (ScheduleId id : approved) {
                assertThat(channel.postsFor(id)).as("approved %s", id).isEqualTo(1);
                assertThat(a.luxaris.schedules().get(alice, id).status()).isEqualTo(ScheduleStatus.SUCCESS);
            }
            for (ScheduleId id : rejected) {
                assertThat(channel.postsFor(id)).as("rejected %s", id).isZero();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** The call's result, or empty when it lost the race with a {@link ConflictException}. */
    private static Optional<Schedule> unlessConflict(Future<Schedule> call) throws InterruptedException {
        try {
            return Optional.of(call.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConflictException) {
                return Optional.empty();
            }
            throw new AssertionError("unexpected failure", e.getCause());
        }
    }
}
