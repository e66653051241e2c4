package io.luxaris.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpLink;
import io.luxaris.domain.Lease;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.CalendarCriteria;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.ScheduleCountCriteria;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.spi.storage.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of follow-up parts in storage: a variant's follow-ups round trip (insert, update, batch reads), a
 * follow-up schedule keeps its link (root, parent, index) through insert, batch insert, claim, completion and update,
 * schedules without a link read back without one, and the calendar and counts leave follow-up schedules out. Extend it
 * with one thin subclass per implementation; {@link #provider()} must give an <em>empty</em> store for every test.
 */
public abstract class FollowUpStorageContract {
    private static final ChannelId FAKE = ChannelId.forKey("fake");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The storage under test; test-local state. */
    protected Storage storage;

    private Instant now;
    private ChannelConnection connection;
    private Post post;

    /** For subclasses. */
    protected FollowUpStorageContract() {}

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
        post = ContractRows.post("alice", "base", now);
        tx(t -> {
            t.channels().upsert(ContractRows.fakeChannel(FAKE, now));
            t.connections().insert(connection, new byte[] {1});
            t.posts().insert(post);
        });
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    private void tx(Consumer<Transaction> work) {
        storage.inTransaction((Transaction t) -> {
            work.accept(t);
            return null;
        });
    }

    private PostVariant variant(List<FollowUp> followUps) {
        PostVariant plain = ContractRows.readyVariant(post.id(), FAKE, "hello", now);
        PostVariant v = plain.withContent(
                plain.content(),
                List.of("thread part"),
                followUps,
                plain.media(),
                plain.tone(),
                plain.connectionId(),
                plain.metadata(),
                now);
        tx(t -> t.variants().insert(v));
        return v;
    }

    private static final List<FollowUp> CHAIN = List.of(
            FollowUp.reply("first reply"),
            FollowUp.reply("second, a day later").after(Duration.ofDays(1)),
            FollowUp.comment("a comment after 90 s").after(Duration.ofSeconds(90)));

    @Test
    void followUps_roundTripWithTheVariant_inOrder_withKindTextAndDelay() {
        PostVariant v = variant(CHAIN);
        PostVariant found =
                storage.readOnly((Transaction t) -> t.variants().find(v.id())).orElseThrow();
        assertThat(found.followUps()).isEqualTo(CHAIN);
        assertThat(found.thread()).containsExactly("thread part");
        assertThat(java.util.Objects.requireNonNull(
                                storage.readOnly((Transaction t) -> t.variants().findAll(List.of(v.id())))
                                        .get(v.id()))
                        .followUps())
                .isEqualTo(CHAIN);
        assertThat(storage.readOnly((Transaction t) -> t.variants().listByPost(post.id())))
                .singleElement()
                .extracting(PostVariant::followUps)
                .isEqualTo(CHAIN);
    }

    @Test
    void followUps_areReplacedByAnUpdate_andAVariantWithoutAnyReadsBackEmpty() {
        PostVariant v = variant(CHAIN);
        PostVariant changed = storage.inTransaction((Transaction t) -> t.variants()
                .update(v.withContent(
                        "changed",
                        v.thread(),
                        List.of(FollowUp.comment("only this")),
                        v.media(),
                        v.tone(),
                        v.connectionId(),
                        v.metadata(),
                        now)));
        assertThat(changed.followUps()).containsExactly(FollowUp.comment("only this"));
        assertThat(storage.readOnly((Transaction t) -> t.variants().find(v.id()))
                        .orElseThrow()
                        .followUps())
                .containsExactly(FollowUp.comment("only this"));
        PostVariant none = variant(List.of());
        assertThat(storage.readOnly((Transaction t) -> t.variants().find(none.id()))
                        .orElseThrow()
                        .followUps())
                .isEmpty();
    }

    @Test
    void aFollowUpSchedule_keepsItsLink_throughInsertsReadsClaimsAndCompletion() {
        PostVariant v = variant(CHAIN);
        Schedule root = Schedule.pending(v, connection.id(), now.minusSeconds(60), BERLIN, now).toBuilder()
                .status(ScheduleStatus.SUCCESS)
                .external(Optional.of("root-1"), Optional.empty())
                .build();
        tx(t -> t.schedules().insert(root));
        Schedule first = Schedule.followUp(root, new FollowUpLink(root.id(), root.id(), 0), now.minusSeconds(1), now);
        Schedule second =
                Schedule.followUp(first, new FollowUpLink(root.id(), first.id(), 1), now.plusSeconds(3600), now);
        tx(t -> t.schedules().insertAll(List.of(first, second)));

        assertThat(storage.readOnly((Transaction t) -> t.schedules().find(root.id()))
                        .orElseThrow()
                        .followUpOf())
                .isEmpty();
        assertThat(storage.readOnly((Transaction t) -> t.schedules().find(first.id()))
                        .orElseThrow())
                .isEqualTo(first);
        assertThat(storage.readOnly((Transaction t) -> t.schedules().find(second.id()))
                        .orElseThrow()
                        .followUpOf())
                .contains(new FollowUpLink(root.id(), first.id(), 1));
        assertThat(storage.readOnly((Transaction t) -> t.schedules().listByVariant(v.id())))
                .extracting(Schedule::followUpOf)
                .containsExactlyInAnyOrder(
                        Optional.empty(),
                        Optional.of(new FollowUpLink(root.id(), root.id(), 0)),
                        Optional.of(new FollowUpLink(root.id(), first.id(), 1)));

        List<Schedule> claimed = storage.inTransaction((Transaction t) ->
                t.queue().claim(new ClaimRequest("engine-1", 10, Duration.ofMinutes(1), Set.of(FAKE), Set.of())));
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(first.id());
            assertThat(c.followUpOf()).isEqualTo(first.followUpOf());
        });
        Schedule c = claimed.get(0);
        Lease lease = c.lease().orElseThrow();
        Schedule done = c.toBuilder()
                .status(ScheduleStatus.SUCCESS)
                .lease(Optional.empty())
                .external(Optional.of("reply-1"), Optional.of("https://fake.example/reply-1"))
                .checkpoint(Map.of("parts", "1"))
                .build();
        assertThat(storage.inTransaction((Transaction t) ->
                        t.queue().complete(new Fence(c.id(), c.attemptCount(), lease.owner()), done)))
                .isTrue();
        Schedule stored = storage.readOnly((Transaction t) -> t.schedules().find(first.id()))
                .orElseThrow();
        assertThat(stored.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(stored.followUpOf()).isEqualTo(first.followUpOf());
        assertThat(stored.checkpoint()).containsEntry("parts", "1");

        Schedule moved = storage.inTransaction((Transaction t) -> t.schedules()
                .update(storage.readOnly((Transaction r) -> r.schedules().find(second.id())).orElseThrow().toBuilder()
                        .runAt(now.plusSeconds(7200))
                        .nextAttemptAt(now.plusSeconds(7200))
                        .build()));
        assertThat(moved.followUpOf()).isEqualTo(second.followUpOf());
        assertThat(storage.readOnly((Transaction t) -> t.schedules().find(second.id()))
                        .orElseThrow()
                        .followUpOf())
                .isEqualTo(second.followUpOf());
    }

    @Test
    void theCalendarAndTheCounts_leaveFollowUpSchedulesOut() {
        PostVariant v = variant(CHAIN);
        Schedule root = Schedule.pending(v, connection.id(), now.plusSeconds(60), BERLIN, now);
        Schedule part = Schedule.followUp(root, new FollowUpLink(root.id(), root.id(), 0), now.plusSeconds(120), now);
        tx(t -> {
            t.schedules().insert(root);
            t.schedules().insert(part);
        });
        Instant from = now;
        Instant to = now.plus(Duration.ofDays(1));
        var rows = storage.readOnly((Transaction t) -> t.schedules()
                .calendar(new CalendarCriteria(
                        from,
                        to,
                        OwnerScope.all(),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        Set.of(),
                        Set.of(),
                        Optional.empty(),
                        100)));
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.schedule().id())
                .isEqualTo(root.id()));
        var counts = storage.readOnly((Transaction t) ->
                t.schedules().counts(new ScheduleCountCriteria(from, to, OwnerScope.all(), true, false, false)));
        assertThat(counts).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(1));
        assertThat(storage.readOnly((Transaction t) -> t.schedules().listByPost(post.id())))
                .hasSize(2);
    }
}
