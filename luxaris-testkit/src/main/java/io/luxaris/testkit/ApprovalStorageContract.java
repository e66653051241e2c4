package io.luxaris.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ApprovalSubject;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.spi.storage.TransactionWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract of approval and of several targets per post: approval requirements on posts and connections,
 * schedules held as {@code awaiting_approval} (stored, never claimed, counted by the rate-limit query) and posts
 * {@code partially_published}. Extend it with one thin subclass per implementation; {@link #provider()} must give an
 * <em>empty</em> store for every test.
 */
public abstract class ApprovalStorageContract {
    private static final ChannelId FAKE = ChannelId.forKey("fake");

    /** The storage under test; test-local state. */
    protected Storage storage;

    private Instant now;

    /** For subclasses. */
    protected ApprovalStorageContract() {}

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
        tx(t -> t.channels().upsert(ContractRows.fakeChannel(FAKE, now)));
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void requirements_areRecordedPerKindAndId_idempotently_andReleased() {
        UUID shared = UUID.randomUUID();
        var post = new ApprovalSubject(ApprovalSubject.Kind.POST, shared);
        var connection = new ApprovalSubject(ApprovalSubject.Kind.CONNECTION, shared);
        var other = ApprovalSubject.of(PostId.random());
        tx(t -> {
            t.approvals().require(post, now);
            t.approvals().require(post, now.plusSeconds(1));
        });
        assertThat(read((Transaction t) -> t.approvals().required(List.of(post, connection, other))))
                .containsExactly(post);
        assertThat(read((Transaction t) -> t.approvals().required(List.of()))).isEmpty();
        tx(t -> t.approvals().require(connection, now));
        assertThat(read((Transaction t) -> t.approvals().required(List.of(post, connection, other))))
                .containsExactlyInAnyOrder(post, connection);
        assertThat(storage.inTransaction((Transaction t) -> t.approvals().release(post)))
                .isTrue();
        assertThat(storage.inTransaction((Transaction t) -> t.approvals().release(post)))
                .isFalse();
        assertThat(read((Transaction t) -> t.approvals().required(List.of(post, connection))))
                .containsExactly(connection);
    }

    @Test
    void requirements_rollBackWithTheirTransaction() {
        var subject = ApprovalSubject.of(ConnectionId.random());
        assertThatThrownBy(() -> tx(t -> {
                    t.approvals().require(subject, now);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(read((Transaction t) -> t.approvals().required(List.of(subject))))
                .isEmpty();
        tx(t -> t.approvals().require(subject, now));
        assertThatThrownBy(() -> tx(t -> {
                    t.approvals().release(subject);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(read((Transaction t) -> t.approvals().required(List.of(subject))))
                .containsExactly(subject);
    }

    @Test
    void heldSchedules_roundTrip_areNeverClaimed_andCountForRateLimits() {
        Fixture f = fixture();
        Schedule held =
                Schedule.pending(f.variant(), f.connection().id(), now.minusSeconds(60), ZoneId.of("UTC"), now)
                        .toBuilder()
                        .status(ScheduleStatus.AWAITING_APPROVAL)
                        .build();
        tx(t -> t.schedules().insert(held));
        assertThat(read((Transaction t) -> t.schedules().find(held.id()))).contains(held);
        assertThat(claim()).isEmpty();
        assertThat(read((Transaction t) -> t.schedules()
                        .listActiveByConnection(
                                f.connection().id(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)))))
                .extracting(Schedule::id)
                .containsExactly(held.id());

        Schedule released = storage.inTransaction(
                (Transaction t) -> t.schedules().update(held.withStatus(ScheduleStatus.PENDING, now)));
        assertThat(released.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(claim()).extracting(Schedule::id).containsExactly(held.id());
    }

    @Test
    void partiallyPublishedPosts_roundTrip_andAreFoundByStatus() {
        Fixture f = fixture();
        Post partial = f.post()
                .withStatus(PostStatus.SCHEDULED, now.plusSeconds(1))
                .withStatus(PostStatus.PARTIALLY_PUBLISHED, now.plusSeconds(2));
        Post stored = storage.inTransaction((Transaction t) -> t.posts().update(partial));
        assertThat(stored.status()).isEqualTo(PostStatus.PARTIALLY_PUBLISHED);
        assertThat(stored.publishedAt()).contains(now.plusSeconds(2));
        assertThat(read((Transaction t) -> t.posts().find(f.post().id()))).contains(stored);
    }

    // ================================================================== fixtures

    private record Fixture(Post post, PostVariant variant, ChannelConnection connection) {}

    private Fixture fixture() {
        Post p = ContractRows.post("alice", "Base", now);
        PostVariant v = ContractRows.readyVariant(p.id(), FAKE, "hello", now);
        ChannelConnection c = ContractRows.connection("alice", FAKE, now);
        tx(t -> {
            t.posts().insert(p);
            t.variants().insert(v);
            t.connections().insert(c, new byte[] {1});
        });
        return new Fixture(p, v, c);
    }

    private List<Schedule> claim() {
        return storage.inTransaction((Transaction t) ->
                t.queue().claim(new ClaimRequest("engine", 10, Duration.ofMinutes(5), Set.of(FAKE), Set.of())));
    }

    @SuppressWarnings("NullAway") // Storage's <T extends @Nullable Object> is not read from bytecode on JDK 17
    private void tx(Consumer<Transaction> work) {
        storage.inTransaction((Transaction t) -> {
            work.accept(t);
            return null;
        });
    }

    private <T> T read(TransactionWork<T> work) {
        return storage.readOnly(work);
    }
}
