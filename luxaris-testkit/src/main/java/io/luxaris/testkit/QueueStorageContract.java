package io.luxaris.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.QueueId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.QueueClaim;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.spi.storage.Transaction;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the publishing-queue storage ({@link io.luxaris.spi.storage.PostingQueueRepository}): queues round
 * trip, optimistic versions, slot claims unique per queue and instant, claims read with their schedules, rollback,
 * delete, and the queue lock that serializes writers. Extend it with one thin subclass per implementation; {@link
 * #provider()} must give an <em>empty</em> store for every test.
 */
public abstract class QueueStorageContract {
    private static final ChannelId FAKE = ChannelId.forKey("fake");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The storage under test; test-local state. */
    protected Storage storage;

    private Instant now;
    private ChannelConnection connection;
    private PostVariant variant;

    /** For subclasses. */
    protected QueueStorageContract() {}

    /**
     * A provider of a new, empty store.
     *
     * @return the provider
     */
    protected abstract StorageProvider provider();

    @BeforeEach
    void openStorage() {
        storage = provider().open(new StorageContext(Clock.systemUTC()));
        now = storage.readOnly(tx -> tx.queue().now()).truncatedTo(ChronoUnit.MILLIS);
        connection = ContractRows.connection("alice", FAKE, now);
        Post post = ContractRows.post("alice", "base", now);
        variant = ContractRows.readyVariant(post.id(), FAKE, "hello", now);
        tx(t -> {
            t.channels().upsert(ContractRows.fakeChannel(FAKE, now));
            t.connections().insert(connection, new byte[] {1});
            t.posts().insert(post);
            t.variants().insert(variant);
        });
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    private PostingQueue queue(String owner, String name) {
        return new PostingQueue(
                QueueId.random(),
                owner,
                name,
                List.of(connection.id()),
                BERLIN,
                List.of(LocalTime.of(17, 30), LocalTime.of(9, 0)),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                Set.of(LocalDate.of(2027, 12, 25), LocalDate.of(2027, 1, 1)),
                2,
                now,
                now,
                0);
    }

    private Schedule schedule(Instant runAt) {
        Schedule s = Schedule.pending(variant, connection.id(), runAt, BERLIN, now);
        tx(t -> t.schedules().insert(s));
        return s;
    }

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    private void tx(Consumer<Transaction> work) {
        storage.inTransaction((Transaction t) -> {
            work.accept(t);
            return null;
        });
    }

    private PostingQueue inserted(String owner, String name) {
        PostingQueue q = queue(owner, name);
        tx(t -> t.postingQueues().insert(q));
        return q;
    }

    // ================================================================== queues

    @Test
    void queues_roundTripWithEverySetting() {
        PostingQueue q = inserted("alice", "main");

        PostingQueue found = storage.readOnly(
                        (Transaction t) -> t.postingQueues().find(q.id()))
                .orElseThrow();

        assertThat(found).isEqualTo(q);
        assertThat(found.slotTimes()).containsExactly(LocalTime.of(9, 0), LocalTime.of(17, 30));
        assertThat(found.excludedDates()).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 25));
        assertThat(storage.readOnly((Transaction t) -> t.postingQueues().find(QueueId.random())))
                .isEmpty();
        assertThat(storage.readOnly((Transaction t) -> t.postingQueues().lock(q.id())))
                .contains(q);
    }

    @Test
    void queues_insertTwiceConflicts() {
        PostingQueue q = inserted("alice", "main");
        assertThatThrownBy(() -> tx(t -> t.postingQueues().insert(q))).isInstanceOf(ConflictException.class);
    }

    @Test
    void queues_updateChecksTheVersion() {
        PostingQueue q = inserted("alice", "main");
        PostingQueue changed = new PostingQueue(
                q.id(),
                q.ownerPrincipalId(),
                "renamed",
                q.connections(),
                ZoneId.of("America/New_York"),
                List.of(LocalTime.NOON),
                EnumSet.allOf(DayOfWeek.class),
                Set.of(),
                1,
                q.createdAt(),
                now.plusSeconds(5),
                q.version());

        PostingQueue stored =
                storage.inTransaction((Transaction t) -> t.postingQueues().update(changed));

        assertThat(stored.version()).isEqualTo(q.version() + 1);
        assertThat(storage.readOnly((Transaction t) -> t.postingQueues().find(q.id())))
                .contains(stored);
        assertThat(stored.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(stored.days()).hasSize(7);
        assertThatThrownBy(() -> tx(t -> t.postingQueues().update(changed))).isInstanceOf(ConflictException.class);
        PostingQueue gone = queue("alice", "gone");
        assertThatThrownBy(() -> tx(t -> t.postingQueues().update(gone))).isInstanceOf(ConflictException.class);
    }

    @Test
    void queues_listByOwnerThenName() {
        PostingQueue b = inserted("alice", "b");
        PostingQueue a = inserted("alice", "a");
        PostingQueue other = inserted("bob", "c");

        assertThat(storage.readOnly((Transaction t) -> t.postingQueues().list(OwnerScope.only("alice"))))
                .containsExactly(a, b);
        assertThat(storage.readOnly((Transaction t) -> t.postingQueues().list(OwnerScope.all())))
                .containsExactly(a, b, other);
    }

    // ================================================================== claims

    @Test
    void claims_areUniquePerQueueAndInstant() {
        PostingQueue q = inserted("alice", "main");
        PostingQueue other = inserted("alice", "other");
        Instant slot = now.plus(Duration.ofDays(1));
        Schedule first = schedule(slot);
        Schedule second = schedule(slot);

        tx(t -> t.postingQueues().claim(q.id(), slot, first.id()));

        assertThatThrownBy(() -> tx(t -> t.postingQueues().claim(q.id(), slot, second.id())))
                .isInstanceOf(ConflictException.class);
        tx(t -> t.postingQueues().claim(other.id(), slot, second.id()));
        assertThat(claims(q)).extracting(c -> c.schedule().id()).containsExactly(first.id());
    }

    @Test
    void claims_areReadInOrderWithTheirSchedulesWithinARange() {
        PostingQueue q = inserted("alice", "main");
        Instant base = now.plus(Duration.ofDays(1));
        Schedule late = schedule(base.plus(Duration.ofHours(2)));
        Schedule early = schedule(base);
        Schedule outside = schedule(base.plus(Duration.ofHours(5)));
        tx(t -> {
            t.postingQueues().claim(q.id(), late.runAt(), late.id());
            t.postingQueues().claim(q.id(), early.runAt(), early.id());
            t.postingQueues().claim(q.id(), outside.runAt(), outside.id());
        });

        List<QueueClaim> claims = storage.readOnly(
                (Transaction t) -> t.postingQueues().claims(q.id(), base, base.plus(Duration.ofHours(5))));

        assertThat(claims).extracting(QueueClaim::slot).containsExactly(early.runAt(), late.runAt());
        assertThat(claims.get(0).schedule()).isEqualTo(early);
        assertThat(claims).allSatisfy(c -> assertThat(c.holdsSlot()).isTrue());
    }

    @Test
    void claims_ofACancelledOrMovedScheduleNoLongerHoldTheirSlot() {
        PostingQueue q = inserted("alice", "main");
        Instant slot = now.plus(Duration.ofDays(1));
        Schedule s = schedule(slot);
        tx(t -> t.postingQueues().claim(q.id(), slot, s.id()));

        tx(t -> t.schedules().update(s.withStatus(ScheduleStatus.CANCELLED, now)));

        QueueClaim stale = claims(q).get(0);
        assertThat(stale.holdsSlot()).isFalse();
        assertThat(stale.schedule().status()).isEqualTo(ScheduleStatus.CANCELLED);
    }

    @Test
    void claims_releaseFreesTheSlotForAnotherSchedule() {
        PostingQueue q = inserted("alice", "main");
        Instant slot = now.plus(Duration.ofDays(1));
        Schedule first = schedule(slot);
        Schedule second = schedule(slot);
        tx(t -> t.postingQueues().claim(q.id(), slot, first.id()));

        assertThat(storage.inTransaction((Transaction t) -> t.postingQueues().release(q.id(), slot)))
                .isTrue();
        assertThat(storage.inTransaction((Transaction t) -> t.postingQueues().release(q.id(), slot)))
                .isFalse();
        tx(t -> t.postingQueues().claim(q.id(), slot, second.id()));
        assertThat(claims(q)).extracting(c -> c.schedule().id()).containsExactly(second.id());
    }

    @Test
    void claims_rollBackWithTheirTransaction() {
        PostingQueue q = inserted("alice", "main");
        Instant slot = now.plus(Duration.ofDays(1));
        Schedule s = schedule(slot);

        assertThatThrownBy(() -> tx(t -> {
                    t.postingQueues().claim(q.id(), slot, s.id());
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(claims(q)).isEmpty();
    }

    @Test
    void delete_removesTheQueueAndItsClaimsButNotTheSchedules() {
        PostingQueue q = inserted("alice", "main");
        Instant slot = now.plus(Duration.ofDays(1));
        Schedule s = schedule(slot);
        tx(t -> t.postingQueues().claim(q.id(), slot, s.id()));

        assertThat(storage.inTransaction((Transaction t) -> t.postingQueues().delete(q.id())))
                .isTrue();
        assertThat(storage.inTransaction((Transaction t) -> t.postingQueues().delete(q.id())))
                .isFalse();

        assertThat(storage.readOnly((Transaction t) -> t.postingQueues().find(q.id())))
                .isEmpty();
        assertThat(claims(q)).isEmpty();
        assertThat(storage.readOnly((Transaction t) -> t.schedules().find(s.id())))
                .isPresent();
    }

    @Test
    void lock_makesASecondWriterWaitAndThenSeeTheFirstWritersClaim() throws Exception {
        PostingQueue q = inserted("alice", "main");
        Instant slot = now.plus(Duration.ofDays(1));
        Schedule s = schedule(slot);
        var locked = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> tx(t -> {
                assertThat(t.postingQueues().lock(q.id())).isPresent();
                locked.countDown();
                sleep(300);
                t.postingQueues().claim(q.id(), slot, s.id());
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<ScheduleId>> second = pool.submit(() -> storage.inTransaction((Transaction t) -> {
                assertThat(t.postingQueues().lock(q.id())).isPresent();
                return t.postingQueues().claims(q.id(), slot, slot.plusSeconds(1)).stream()
                        .map(c -> c.schedule().id())
                        .toList();
            }));
            first.get(20, TimeUnit.SECONDS);
            assertThat(second.get(20, TimeUnit.SECONDS)).containsExactly(s.id());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<QueueClaim> claims(PostingQueue q) {
        return storage.readOnly(
                (Transaction t) -> t.postingQueues().claims(q.id(), now, now.plus(Duration.ofDays(30))));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
